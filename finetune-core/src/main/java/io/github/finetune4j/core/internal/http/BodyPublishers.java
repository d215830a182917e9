package io.github.finetune4j.core.internal.http;

import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.MultipartForm;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Turns an {@link HttpBody} into a JDK body publisher; files are streamed from disk, never read whole. */
final class BodyPublishers {
    private BodyPublishers() {
    }

    static HttpRequest.BodyPublisher of(HttpBody body) throws FileNotFoundException {
        if (body.isEmpty()) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (body.bytes().isPresent()) {
            return HttpRequest.BodyPublishers.ofByteArray(body.bytes().get());
        }
        return multipart(body.form().orElseThrow());
    }

    private static HttpRequest.BodyPublisher multipart(MultipartForm form) throws FileNotFoundException {
        List<HttpRequest.BodyPublisher> pieces = new ArrayList<>();
        String dash = "--" + form.boundary();
        for (MultipartForm.Part part : form.parts()) {
            StringBuilder head = new StringBuilder(dash).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(escape(part.name())).append('"');
            if (part.file().isPresent()) {
                head.append("; filename=\"").append(escape(part.filename().orElse("file"))).append('"').append("\r\n")
                        .append("Content-Type: ").append(part.contentType().orElse("application/octet-stream"));
            }
            head.append("\r\n\r\n");
            pieces.add(HttpRequest.BodyPublishers.ofByteArray(head.toString().getBytes(StandardCharsets.UTF_8)));
            if (part.file().isPresent()) {
                pieces.add(part.region().isPresent() ? region(part.file().get(), part.region().get())
                        : HttpRequest.BodyPublishers.ofFile(part.file().get()));
            } else {
                pieces.add(HttpRequest.BodyPublishers.ofByteArray(part.value().orElseThrow().getBytes(StandardCharsets.UTF_8)));
            }
            pieces.add(HttpRequest.BodyPublishers.ofByteArray("\r\n".getBytes(StandardCharsets.US_ASCII)));
        }
        pieces.add(HttpRequest.BodyPublishers.ofByteArray((dash + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
        return HttpRequest.BodyPublishers.concat(pieces.toArray(new HttpRequest.BodyPublisher[0]));
    }

    /**
     * Streams {@code region.length()} bytes of the file from {@code region.offset()}; the file is opened when the
     * body is subscribed to (so a retried request reads it again) and never read whole.
     */
    private static HttpRequest.BodyPublisher region(Path file, MultipartForm.FileRegion region)
            throws FileNotFoundException {
        if (!Files.isReadable(file)) {
            throw new FileNotFoundException(file + " not found or not readable");
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                try {
                    channel.position(region.offset());
                    return new BoundedInputStream(Channels.newInputStream(channel), region.length());
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return HttpRequest.BodyPublishers.fromPublisher(stream, region.length());
    }

    /** Reads at most a fixed number of bytes from another stream, then reports the end. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the file ended " + remaining + " bytes before the end of its region");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("the file ended " + remaining + " bytes before the end of its region");
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
    }
}
