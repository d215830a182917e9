package io.github.finetune4j.core.internal.tokenizer;

import io.github.finetune4j.core.preflight.HubDownload;
import io.github.finetune4j.core.preflight.HuggingFaceTokenizer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes {@link HuggingFaceTokenizer}s: from a file, or from the Hub through {@link HubCache}.
 */
public final class HuggingFaceTokenizers {
    private HuggingFaceTokenizers() {
    }

    /**
     * Reads a {@code tokenizer.json}.
     *
     * @param file the file
     * @return the tokenizer
     */
    public static HuggingFaceTokenizer fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(bytes, file.toString(), Optional.empty());
    }

    /**
     * Reads the cached {@code tokenizer.json} of a Hub model, downloading it first if needed.
     *
     * @param download where from and where to
     * @return the tokenizer
     */
    public static HuggingFaceTokenizer fromHub(HubDownload download) {
        byte[] bytes = new HubCache(download).tokenizerJson();
        return parse(bytes, download.modelId() + (HubDownload.DEFAULT_REVISION.equals(download.revision()) ? ""
                : "@" + download.revision()), Optional.of(download.modelId()));
    }

    static HuggingFaceTokenizer parse(byte[] bytes, String name, Optional<String> modelId) {
        try {
            HfBpeCounter counter = HfTokenizerFile.read(new ByteArrayInputStream(bytes), name);
            return counter.withSource(sha256(bytes), modelId);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + " is not a readable tokenizer.json: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        return HubCache.hash("SHA-256", bytes);
    }
}
