package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;

import java.time.Clock;
import java.time.Duration;

/**
 * The settings of one client, as the builder collected them.
 *
 * @param environment where configuration variables are read
 * @param retryPolicy how HTTP requests are retried
 * @param connectTimeout the connect timeout
 * @param requestTimeout the default request timeout
 * @param uploadTimeout the timeout of one upload
 * @param fileProcessingTimeout how long to wait for uploaded files to be processed
 * @param defaultWaitOptions the options of awaitCompletion() and the cadence of file polling
 * @param clock the clock
 * @param allowInsecureHttp whether plain http to non-loopback hosts is allowed
 * @param lifecycleHorizon how far ahead lifecycle dates are warned about
 * @param largeFiles when and how files go up in parts, and where an unfinished upload is remembered
 */
public record ClientConfig(EnvironmentLookup environment, RetryPolicy retryPolicy, Duration connectTimeout,
                           Duration requestTimeout, Duration uploadTimeout, Duration fileProcessingTimeout,
                           WaitOptions defaultWaitOptions, Clock clock, boolean allowInsecureHttp,
                           Duration lifecycleHorizon, LargeFiles largeFiles) {
    /**
     * Settings with the default large-file handling.
     *
     * @param environment where configuration variables are read
     * @param retryPolicy how HTTP requests are retried
     * @param connectTimeout the connect timeout
     * @param requestTimeout the default request timeout
     * @param uploadTimeout the timeout of one upload
     * @param fileProcessingTimeout how long to wait for uploaded files to be processed
     * @param defaultWaitOptions the options of awaitCompletion() and the cadence of file polling
     * @param clock the clock
     * @param allowInsecureHttp whether plain http to non-loopback hosts is allowed
     * @param lifecycleHorizon how far ahead lifecycle dates are warned about
     */
    public ClientConfig(EnvironmentLookup environment, RetryPolicy retryPolicy, Duration connectTimeout,
                        Duration requestTimeout, Duration uploadTimeout, Duration fileProcessingTimeout,
                        WaitOptions defaultWaitOptions, Clock clock, boolean allowInsecureHttp,
                        Duration lifecycleHorizon) {
        this(environment, retryPolicy, connectTimeout, requestTimeout, uploadTimeout, fileProcessingTimeout,
                defaultWaitOptions, clock, allowInsecureHttp, lifecycleHorizon, LargeFiles.defaults());
    }

    /**
     * How large files are uploaded.
     *
     * @param thresholdBytes files larger than this go through the provider's multipart uploads, where it has them
     * @param partBytes the size of every part but the last
     * @param stateDirectory where the state of an unfinished upload is kept, so that a new process resumes it
     */
    public record LargeFiles(long thresholdBytes, long partBytes, java.nio.file.Path stateDirectory) {
        /** Files larger than this go up in parts by default: 100 MB. */
        public static final long DEFAULT_THRESHOLD_BYTES = 100_000_000L;
        /** The default part size: 64 MiB (the API takes at most 64 MB per part). */
        public static final long DEFAULT_PART_BYTES = 64L * 1024 * 1024;

        /**
         * Validates the components.
         *
         * @param thresholdBytes files larger than this go up in parts
         * @param partBytes the size of every part but the last
         * @param stateDirectory where unfinished uploads are remembered
         */
        public LargeFiles {
            if (thresholdBytes < 0 || partBytes <= 0) {
                throw new IllegalArgumentException("threshold must not be negative and parts must be positive");
            }
            java.util.Objects.requireNonNull(stateDirectory, "stateDirectory");
        }

        /**
         * The defaults: above 100 MB, parts of 64 MiB, state in {@code <java.io.tmpdir>/finetune4j-uploads}.
         *
         * @return the defaults
         */
        public static LargeFiles defaults() {
            return new LargeFiles(DEFAULT_THRESHOLD_BYTES, DEFAULT_PART_BYTES,
                    java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "finetune4j-uploads"));
        }
    }
}
