package io.github.finetune4j.cli.run;

import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.Hyperparameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key of one logical training run: a digest of where it runs (provider), what it trains (the bytes of the
 * training and validation files) and how (base model, method, hyperparameters, suffix, seed); a salted variant
 * trains the same thing again on purpose ({@code finetune train --new}). Running the same command twice
 * gives the same key, which is how a second run finds the job of the first.
 *
 * <p>The key is the request's idempotency key ({@code FineTuneRequest.Builder#idempotencyKey(String)}): the core
 * stores it in the job's metadata under {@link #METADATA_KEY} and finds the job of an earlier run by it.
 */
public final class RunKey {
    /** The job metadata key holding the run key. */
    public static final String METADATA_KEY = FineTuneRequest.IDEMPOTENCY_METADATA_KEY;

    private RunKey() {
    }

    /**
     * Computes the key of a run. Reads both files once, streaming.
     *
     * @param provider where the job runs (provider id, and for the local emulator its port)
     * @param spec what to train
     * @return 32 hex characters
     * @throws UncheckedIOException if a file cannot be read
     */
    public static String of(String provider, TrainSpec spec) {
        MessageDigest d = sha256();
        field(d, "provider", provider);
        field(d, "model", spec.baseModel());
        field(d, "method", spec.method().wireName());
        Hyperparameters h = spec.hyperparameters();
        field(d, "epochs", text(h.epochs()));
        field(d, "batch", text(h.batchSize()));
        field(d, "lr", text(h.learningRateMultiplier()));
        field(d, "beta", text(h.beta()));
        field(d, "suffix", spec.suffix().orElse(""));
        field(d, "seed", spec.seed().map(String::valueOf).orElse(""));
        field(d, "training", fileDigest(spec.trainingFile()));
        field(d, "validation", spec.validationFile().map(RunKey::fileDigest).orElse(""));
        return HexFormat.of().formatHex(d.digest(), 0, 16);
    }

    /**
     * The key of a deliberate further run of the same thing ({@code --new}).
     *
     * @param key the ordinary key
     * @param salt a value chosen once for the new run and kept in the state file
     * @return 32 hex characters
     */
    public static String salted(String key, String salt) {
        MessageDigest d = sha256();
        field(d, "key", key);
        field(d, "salt", salt);
        return HexFormat.of().formatHex(d.digest(), 0, 16);
    }

    /**
     * Marks a request with the run key, so that a later run can find the job.
     *
     * @param request the request being built
     * @param key the run key
     * @return the same builder
     */
    public static FineTuneRequest.Builder applyTo(FineTuneRequest.Builder request, String key) {
        return request.idempotencyKey(key);
    }

    private static String text(Optional<HyperparameterValue> value) {
        return value.map(String::valueOf).orElse("");
    }

    private static void field(MessageDigest d, String name, String value) {
        d.update((name + "=" + value.length() + ":" + value + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String fileDigest(Path file) {
        MessageDigest d = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                d.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
