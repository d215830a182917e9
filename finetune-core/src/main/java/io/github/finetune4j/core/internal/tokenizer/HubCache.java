package io.github.finetune4j.core.internal.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.preflight.HubDownload;
import io.github.finetune4j.core.spi.AtomicFile;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.HttpResult;
import io.github.finetune4j.core.spi.HttpStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Keeps a Hub model's {@code tokenizer.json} in a cache folder: {@code <cacheDir>/<owner>--<name>/<revision>/}
 * holds the file and {@code tokenizer.json.sha256}, its checksum. A cached file whose checksum still matches is used
 * without network access. Otherwise the file is listed ({@code GET /api/models/<id>/tree/<revision>}, which gives its
 * SHA-256 for files in LFS and its git blob hash for the others), downloaded
 * ({@code GET /<id>/resolve/<revision>/tokenizer.json}), checked against the listing, and written atomically. All
 * HTTP goes through the core's {@link HttpStack}, which follows the Hub's redirect to its file storage; the token
 * travels only in the {@code Authorization} header, and only to the Hub's own host.
 */
final class HubCache {
    private static final System.Logger LOG = System.getLogger(HubCache.class.getName());
    private static final String FILE = "tokenizer.json";
    private static final String SERVICE = "huggingface-hub";

    private final HubDownload download;
    private final Path dir;

    HubCache(HubDownload download) {
        this.download = download;
        this.dir = download.cacheDir().resolve(download.modelId().replace("/", "--"))
                .resolve(download.revision().replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /**
     * The file's bytes, from the cache or downloaded into it.
     *
     * @return the bytes of {@code tokenizer.json}
     */
    byte[] tokenizerJson() {
        Path file = dir.resolve(FILE);
        Path sum = dir.resolve(FILE + ".sha256");
        try {
            if (Files.isRegularFile(file) && Files.isRegularFile(sum)) {
                byte[] cached = Files.readAllBytes(file);
                String recorded = Files.readString(sum, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
                if (recorded.equals(hash("SHA-256", cached))) {
                    return cached;
                }
                LOG.log(System.Logger.Level.WARNING, "the cached {0} of {1} does not match its recorded SHA-256;"
                        + " downloading it again", FILE, download.modelId());
            }
            byte[] fresh = fetch();
            Files.createDirectories(dir);
            write(file, fresh);
            write(sum, (hash("SHA-256", fresh) + "  " + FILE + "\n").getBytes(StandardCharsets.US_ASCII));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the tokenizer cache " + dir, e);
        }
    }

    private byte[] fetch() {
        try (HttpStack hub = HttpStack.builder(SERVICE).retryPolicy(RetryPolicy.defaults()).clock(Clock.systemUTC())
                .followRedirects().build()) {
            String base = download.endpoint().toString().replaceAll("/+$", "");
            HttpResult listing = hub.context().transport().send(get(URI.create(base + "/api/models/"
                    + download.modelId() + "/tree/" + download.revision())));
            Expected expected = expected(hub.context().objectMapper().readTree(listing.body()));
            // LFS and Xet files are served from the Hub's file storage behind a redirect: the stack follows it and
            // leaves the token behind on the other host
            HttpResult file = hub.context().transport().send(get(URI.create(base + "/" + download.modelId()
                    + "/resolve/" + download.revision() + "/" + FILE)));
            byte[] bytes = file.body();
            String actual = expected.sha256 ? hash("SHA-256", bytes) : gitBlobSha1(bytes);
            if (!actual.equals(expected.hash)) {
                throw new ResponseFormatException(SERVICE + ": " + FILE + " of " + download.modelId() + " has "
                        + (expected.sha256 ? "SHA-256 " : "git hash ") + actual + ", but the Hub lists "
                        + expected.hash + "; nothing was cached", null, SERVICE, null);
            }
            LOG.log(System.Logger.Level.INFO, "downloaded {0} of {1} ({2} bytes) into {3}", FILE,
                    download.modelId(), bytes.length, dir);
            return bytes;
        } catch (IOException e) {
            throw new ResponseFormatException(SERVICE + ": the file listing of " + download.modelId()
                    + " is not JSON", e, SERVICE, null);
        }
    }

    private HttpCall get(URI uri) {
        HttpCall.Builder call = HttpCall.builder("GET", uri).timeout(download.timeout());
        download.token().ifPresent(t -> call.header("Authorization", "Bearer " + t.reveal()));
        return call.build();
    }

    /** The checksum the Hub lists for the file. */
    private static final class Expected {
        final String hash;
        final boolean sha256;

        Expected(String hash, boolean sha256) {
            this.hash = hash;
            this.sha256 = sha256;
        }
    }

    private Expected expected(JsonNode listing) {
        if (listing != null && listing.isArray()) {
            for (JsonNode entry : listing) {
                if (FILE.equals(entry.path("path").asText())) {
                    JsonNode lfs = entry.path("lfs");
                    if (lfs.hasNonNull("oid")) {
                        return new Expected(lfs.get("oid").asText().replace("sha256:", ""), true);
                    }
                    if (entry.hasNonNull("oid")) {
                        return new Expected(entry.get("oid").asText(), false);
                    }
                }
            }
        }
        throw new ResponseFormatException(SERVICE + ": " + download.modelId() + " at " + download.revision()
                + " lists no " + FILE + " (is it a byte-level BPE model with a fast tokenizer?)", null, SERVICE,
                null);
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        AtomicFile.write(target, bytes);
    }

    static String gitBlobSha1(byte[] bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
    }

    static String hash(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
