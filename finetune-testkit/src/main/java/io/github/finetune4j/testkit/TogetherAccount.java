package io.github.finetune4j.testkit;

import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.together.TogetherDialect;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The Together AI account the emulator serves under {@link FineTuningEmulator#togetherBaseUrl()}, seen from the
 * test, from {@link FineTuningEmulator#together()}: its files and jobs, its credit limit, and the digest of the
 * weights a download serves, to check a client's download byte for byte.
 *
 * <pre>{@code
 * emulator.together().creditLimit(1.0);          // a job estimated above $1 is refused with 402
 * String expected = emulator.together().artifactSha256(jobId, "adapter");
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class TogetherAccount extends ProviderAccount {

    /** The credit limit of the emulated account unless {@link #creditLimit(double)} sets another: $100. */
    public static final double DEFAULT_CREDIT_LIMIT = 100.0;

    private final TogetherDialect dialect;

    TogetherAccount(EmulatorState state, TogetherDialect dialect) {
        super(state, "Together");
        this.dialect = dialect;
    }

    /**
     * Returns the ids of the fine-tuning jobs that exist now, newest first, as {@code GET /fine-tunes} lists them.
     *
     * @return the ids, {@code ft-…}, never null
     */
    @Override
    public List<String> jobIds() {
        return super.jobIds();
    }

    /**
     * Sets the account's credit limit: a job whose estimated price is higher is refused with 402
     * {@code insufficient_credits}, and {@code POST /fine-tunes/estimate-price} answers
     * {@code allowed_to_proceed: false} with {@code user_limit} set to it. Default {@value #DEFAULT_CREDIT_LIMIT}.
     *
     * @param dollars the limit in US dollars, zero or more
     * @return this account, for chaining
     * @throws IllegalArgumentException if {@code dollars} is negative or not a number
     */
    public TogetherAccount creditLimit(double dollars) {
        if (!(dollars >= 0)) {
            throw new IllegalArgumentException("dollars must be zero or more: " + dollars);
        }
        state().transaction(s -> {
            dialect.creditLimit(dollars);
            return null;
        });
        return this;
    }

    /**
     * Computes the SHA-256 of the archive {@code GET /finetune/download?ft_id=<jobId>&checkpoint=<checkpoint>}
     * serves, so that a test can check a downloaded file byte for byte.
     *
     * @param jobId the job id, {@code ft-…}
     * @param checkpoint {@code merged}, {@code adapter} or {@code model_output_path}
     * @return the digest as 64 lower-case hexadecimal characters
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the job is unknown or its weights of that kind cannot be downloaded
     */
    public String artifactSha256(String jobId, String checkpoint) {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(checkpoint, "checkpoint");
        byte[] archive;
        try {
            archive = state().transaction(s -> dialect.artifact(jobId, checkpoint));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no " + checkpoint + " weights for job " + jobId + ": "
                    + e.getMessage(), e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
