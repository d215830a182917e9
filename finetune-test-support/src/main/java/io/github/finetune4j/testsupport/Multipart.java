package io.github.finetune4j.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal {@code multipart/form-data} parser for checking recorded requests. */
public final class Multipart {
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    /**
     * One part.
     *
     * @param name the form field name
     * @param filename the filename, or null for a field
     * @param contentType the part's content type, or null
     * @param content the raw content
     */
    public record Part(String name, String filename, String contentType, byte[] content) {
        /**
         * The content as UTF-8.
         *
         * @return the text
         */
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    /**
     * Parses a body.
     *
     * @param contentType the request's Content-Type header
     * @param body the body
     * @return the parts in order
     */
    public static List<Part> parse(String contentType, byte[] body) {
        String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length())
                .replace("\"", "").trim();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                throw new IllegalArgumentException("unterminated multipart body");
            }
            parts.add(part(Arrays.copyOfRange(body, start, next - 2))); // strip CRLF before the delimiter
            pos = next;
        }
        return parts;
    }

    private static Part part(byte[] raw) {
        int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        String head = new String(raw, 0, split, StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOfRange(raw, split + 4, raw.length);
        String name = null;
        String filename = null;
        String type = null;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                Matcher m = NAME.matcher(line);
                name = m.find() ? m.group(1) : null;
                Matcher f = FILENAME.matcher(line);
                filename = f.find() ? f.group(1) : null;
            } else if (lower.startsWith("content-type:")) {
                type = line.substring("content-type:".length()).trim();
            }
        }
        return new Part(name, filename, type, content);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
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
