package io.github.finetune4j.testkit.internal.http;

import io.github.finetune4j.testkit.internal.blob.Blob;
import io.github.finetune4j.testkit.internal.blob.BlobStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming {@code multipart/form-data} parser (RFC 7578): it reads the body once, from a stream, and writes
 * each part's bytes into a {@link Blob}, so that a 64 MiB upload part never sits in memory whole.
 */
public final class MultipartParser {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    /**
     * One part of a form.
     *
     * @param name the form field name
     * @param filename the file name, or null when the part is not a file
     * @param contentType the part's content type, or null
     * @param data the part's bytes
     */
    public record Part(String name, String filename, String contentType, Blob data) {

        /**
         * Returns the bytes as UTF-8 text.
         *
         * @return the text
         */
        public String text() {
            return new String(data.bytes(), StandardCharsets.UTF_8);
        }
    }

    private MultipartParser() {
    }

    /**
     * Parses a body held in memory; the parts stay in memory.
     *
     * @param contentType the request's {@code Content-Type}, with a {@code boundary} parameter
     * @param body the body
     * @return the parts by field name (the first part wins for a repeated name)
     * @throws ApiError 400 when the content type or the body is not well-formed multipart
     */
    public static Map<String, Part> parse(String contentType, byte[] body) {
        return parse(contentType, new ByteArrayInputStream(body), null);
    }

    /**
     * Parses a body from a stream, reading it to the closing delimiter.
     *
     * @param contentType the request's {@code Content-Type}, with a {@code boundary} parameter
     * @param body the body
     * @param store where large parts go, or null to keep every part in memory
     * @return the parts by field name (the first part wins for a repeated name; the others are discarded)
     * @throws ApiError 400 when the content type or the body is not well-formed multipart
     * @throws UncheckedIOException when reading the body fails (the client went away)
     */
    public static Map<String, Part> parse(String contentType, InputStream body, BlobStore store) {
        String boundary = boundary(contentType);
        DelimitedStream in = new DelimitedStream(body);
        Map<String, Part> byName = new LinkedHashMap<>();
        List<Part> all = new ArrayList<>();
        boolean ok = false;
        try {
            byte[] first = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            if (!in.skipPast(first)) {
                throw malformed();
            }
            while (true) {
                int a = in.read();
                int b = in.read();
                if (a == '-' && b == '-') {
                    break;
                }
                if (a == '\n') {
                    in.unread(b);
                } else if (a != '\r' || b != '\n') {
                    throw malformed();
                }
                ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
                if (!in.copyUntil("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerBytes, MAX_HEADER_BYTES)) {
                    throw malformed();
                }
                Part header = part(headerBytes.toString(StandardCharsets.UTF_8), Blob.of(new byte[0]));
                Blob data = copyData(in, next, store);
                Part part = new Part(header.name(), header.filename(), header.contentType(), data);
                all.add(part);
                byName.putIfAbsent(part.name(), part);
            }
            ok = true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the multipart body", e);
        } finally {
            for (Part part : all) {
                if (!ok || byName.get(part.name()) != part) {
                    part.data().delete();
                }
            }
        }
        return byName;
    }

    private static Blob copyData(DelimitedStream in, byte[] delimiter, BlobStore store) throws IOException {
        if (store == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!in.copyUntil(delimiter, out, Long.MAX_VALUE)) {
                throw malformed();
            }
            return Blob.of(out.toByteArray());
        }
        try (BlobStore.Writer out = store.writer()) {
            if (!in.copyUntil(delimiter, out, Long.MAX_VALUE)) {
                throw malformed();
            }
            return out.finish();
        }
    }

    private static Part part(String headerText, Blob data) {
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

    /**
     * A stream read through a buffer, with a search for a delimiter that copies what comes before it. The
     * delimiters begin with {@code \r} or {@code -}, which JSONL data rarely holds, so the byte-by-byte search is
     * fast in practice.
     */
    private static final class DelimitedStream {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;
        private boolean eof;

        DelimitedStream(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            if (start == end && !fill(1)) {
                return -1;
            }
            return buffer[start++] & 0xff;
        }

        void unread(int b) {
            if (b >= 0) {
                start--;
            }
        }

        boolean skipPast(byte[] delimiter) throws IOException {
            return copyUntil(delimiter, OutputStream.nullOutputStream(), Long.MAX_VALUE);
        }

        /** Copies bytes up to the delimiter and consumes it; false when the stream ends or the limit is hit. */
        boolean copyUntil(byte[] delimiter, OutputStream out, long limit) throws IOException {
            long copied = 0;
            while (true) {
                int found = indexOf(delimiter);
                if (found >= 0) {
                    copied += found - start;
                    if (copied > limit) {
                        return false;
                    }
                    out.write(buffer, start, found - start);
                    start = found + delimiter.length;
                    return true;
                }
                int safe = Math.max(start, end - delimiter.length + 1);
                copied += safe - start;
                if (copied > limit) {
                    return false;
                }
                out.write(buffer, start, safe - start);
                start = safe;
                if (!fill(delimiter.length)) {
                    return false;
                }
            }
        }

        private int indexOf(byte[] needle) {
            byte first = needle[0];
            outer:
            for (int i = start; i <= end - needle.length; i++) {
                if (buffer[i] != first) {
                    continue;
                }
                for (int j = 1; j < needle.length; j++) {
                    if (buffer[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        /** Moves the unread bytes to the front and reads more; false when nothing more could be read. */
        private boolean fill(int atLeast) throws IOException {
            if (eof) {
                return false;
            }
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
            int before = end;
            while (end < buffer.length && end - before < atLeast) {
                int n = in.read(buffer, end, buffer.length - end);
                if (n < 0) {
                    eof = true;
                    break;
                }
                end += n;
            }
            return end > before;
        }
    }
}
