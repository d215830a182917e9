package io.github.finetune4j.together.internal;

import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.spi.AtomicFile;
import io.github.finetune4j.core.spi.HttpResult;
import io.github.finetune4j.openai.protocol.OpenAiProtocol;
import io.github.finetune4j.together.DownloadProgress;
import io.github.finetune4j.together.WeightDownload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads weights ({@code GET /finetune/download}) to disk in parts of {@link #PART_BYTES}: each part is one
 * {@code Range} request through the core transport, which retries it like any GET, so memory stays at one part
 * whatever the archive's size, and a broken connection costs one part, not the whole download. Bytes go to
 * {@code <target>.part}; a download interrupted earlier is continued from that file's length (its bytes are hashed
 * first). The SHA-256 is computed over every byte written, and the finished file replaces the target atomically. A
 * server that ignores {@code Range} (answers 200) is read in one go.
 */
final class WeightFetcher {
    /** Bytes per request: 8 MiB. */
    static final int PART_BYTES = 8 * 1024 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final OpenAiProtocol protocol;
    private final int partBytes;

    WeightFetcher(OpenAiProtocol protocol, int partBytes) {
        this.protocol = protocol;
        this.partBytes = partBytes;
    }

    WeightDownload fetch(URI uri, Path target, DownloadProgress progress) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        MessageDigest sha256 = sha256();
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            long offset = Files.isRegularFile(part) ? hash(part, sha256) : 0;
            OptionalLong total = OptionalLong.empty();
            String contentType = "application/octet-stream";
            while (total.isEmpty() || offset < total.getAsLong()) {
                HttpResult result;
                try {
                    result = protocol.send(protocol.request("GET", uri).header("Accept", "*/*")
                            .header("Range", "bytes=" + offset + "-" + (offset + partBytes - 1)).build());
                } catch (ApiException e) {
                    if (e.statusCode() == 416 && offset > 0) {
                        break; // the part file already holds everything: an earlier run ended before renaming it
                    }
                    throw e;
                }
                contentType = result.header("content-type").orElse(contentType);
                if (result.statusCode() == 206) {
                    Matcher range = CONTENT_RANGE.matcher(result.header("content-range").orElse(""));
                    if (!range.matches() || Long.parseLong(range.group(1)) != offset) {
                        throw new ResponseFormatException("Together answered the download of " + target.getFileName()
                                + " from byte " + offset + " with Content-Range '"
                                + result.header("content-range").orElse("") + "'", null, TogetherMapper.PROVIDER,
                                result.requestId().orElse(null));
                    }
                    if (!range.group(3).equals("*")) {
                        total = OptionalLong.of(Long.parseLong(range.group(3)));
                    }
                    append(part, result.body(), sha256, offset > 0);
                    offset += result.body().length;
                    if (result.body().length == 0 || total.isEmpty() && result.body().length < partBytes) {
                        total = OptionalLong.of(offset);
                    }
                } else {
                    // the whole archive in one answer: start the file (and the digest) again
                    sha256.reset();
                    append(part, result.body(), sha256, false);
                    offset = result.body().length;
                    total = OptionalLong.of(offset);
                }
                progress.onProgress(offset, total);
            }
            move(part, target);
            return new WeightDownload(target, Files.size(target), HexFormat.of().formatHex(sha256.digest()),
                    contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the download to " + part, e);
        }
    }

    private static long hash(Path file, MessageDigest digest) throws IOException {
        long length = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                length += n;
            }
        }
        return length;
    }

    private static void append(Path part, byte[] bytes, MessageDigest digest, boolean append) throws IOException {
        try (OutputStream out = append
                ? Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Files.newOutputStream(part)) {
            out.write(bytes);
        }
        digest.update(bytes);
    }

    private static void move(Path part, Path target) throws IOException {
        if (!Files.exists(part)) {
            Files.write(part, new byte[0]);
        }
        AtomicFile.replace(part, target);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
