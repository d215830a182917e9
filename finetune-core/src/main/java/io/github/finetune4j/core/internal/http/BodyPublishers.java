package io.github.finetune4j.core.internal.http;

import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.MultipartForm;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
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
                pieces.add(HttpRequest.BodyPublishers.ofFile(part.file().get()));
            } else {
                pieces.add(HttpRequest.BodyPublishers.ofByteArray(part.value().orElseThrow().getBytes(StandardCharsets.UTF_8)));
            }
            pieces.add(HttpRequest.BodyPublishers.ofByteArray("\r\n".getBytes(StandardCharsets.US_ASCII)));
        }
        pieces.add(HttpRequest.BodyPublishers.ofByteArray((dash + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
        return HttpRequest.BodyPublishers.concat(pieces.toArray(new HttpRequest.BodyPublisher[0]));
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
    }
}
