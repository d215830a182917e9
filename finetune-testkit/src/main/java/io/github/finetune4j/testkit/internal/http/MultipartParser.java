package io.github.finetune4j.testkit.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small {@code multipart/form-data} parser (RFC 7578) for in-memory bodies.
 */
public final class MultipartParser {

    /**
     * One part of a form.
     *
     * @param name the form field name
     * @param filename the file name, or null when the part is not a file
     * @param contentType the part's content type, or null
     * @param data the part's bytes
     */
    public record Part(String name, String filename, String contentType, byte[] data) {

        /**
         * Returns the bytes as UTF-8 text.
         *
         * @return the text
         */
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private MultipartParser() {
    }

    /**
     * Parses a body.
     *
     * @param contentType the request's {@code Content-Type}, with a {@code boundary} parameter
     * @param body the body
     * @return the parts by field name (the first part wins for a repeated name)
     * @throws ApiError 400 when the content type or the body is not well-formed multipart
     */
    public static Map<String, Part> parse(String contentType, byte[] body) {
        String boundary = boundary(contentType);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw malformed();
        }
        while (true) {
            int afterDelimiter = pos + delimiter.length;
            if (startsWith(body, afterDelimiter, "--")) {
                break;
            }
            int headerStart = skipLineBreak(body, afterDelimiter);
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerStart);
            if (headerEnd < 0) {
                throw malformed();
            }
            int dataStart = headerEnd + 4;
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), dataStart);
            if (next < 0) {
                throw malformed();
            }
            String headerText = new String(body, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
            parts.add(part(headerText, Arrays.copyOfRange(body, dataStart, next)));
            pos = next + 2;
        }
        Map<String, Part> byName = new LinkedHashMap<>();
        for (Part part : parts) {
            byName.putIfAbsent(part.name(), part);
        }
        return byName;
    }

    private static Part part(String headerText, byte[] data) {
        String name = null;
        String filename = null;
        String contentType = null;
        for (String line : headerText.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                name = parameter(value, "name");
                filename = parameter(value, "filename");
            } else if (header.equals("content-type")) {
                contentType = value;
            }
        }
        if (name == null) {
            throw malformed();
        }
        return new Part(name, filename, contentType, data);
    }

    /** Reads {@code key="value"} or {@code key=value} from a header value. */
    static String parameter(String headerValue, String key) {
        for (String piece : splitParameters(headerValue)) {
            int eq = piece.indexOf('=');
            if (eq < 0) {
                continue;
            }
            if (piece.substring(0, eq).trim().equalsIgnoreCase(key)) {
                String value = piece.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
                }
                return value;
            }
        }
        return null;
    }

    private static List<String> splitParameters(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    private static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiError.invalidRequest("The request must be sent as multipart/form-data.", null);
        }
        String boundary = parameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw malformed();
        }
        return boundary;
    }

    private static ApiError malformed() {
        return ApiError.invalidRequest(
                "The browser (or proxy) sent a request that this server could not understand.", null);
    }

    private static int skipLineBreak(byte[] body, int pos) {
        if (startsWith(body, pos, "\r\n")) {
            return pos + 2;
        }
        if (startsWith(body, pos, "\n")) {
            return pos + 1;
        }
        return pos;
    }

    private static boolean startsWith(byte[] body, int pos, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (pos + bytes.length > body.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (body[pos + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
