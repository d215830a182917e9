package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.ApiKey;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@link HuggingFaceTokenizer#fromHub(HubDownload)} fetches a model's {@code tokenizer.json} from and where it
 * keeps it. The file is downloaded once into {@code cacheDir}, checked against the checksum the Hub lists for it,
 * stored with its SHA-256 beside it, and read from there afterwards without any network access.
 *
 * <pre>{@code
 * HubDownload download = HubDownload.builder()
 *         .modelId("meta-llama/Llama-3.1-8B-Instruct")
 *         .token(ApiKey.of(System.getenv("HF_TOKEN")))          // gated models need one
 *         .cacheDir(Path.of(System.getProperty("user.home"), ".cache", "finetune4j", "tokenizers"))
 *         .build();
 * }</pre>
 *
 * <p>The token is an {@link ApiKey}: it is sent only as the {@code Authorization} header and never printed, so
 * {@link #toString()} is safe. The canonical constructor is outside the compatibility promise: use
 * {@link #builder()}.
 *
 * @param modelId the Hub repository, {@code owner/name}
 * @param token the Hub access token, needed for gated and private models
 * @param cacheDir the folder the file is kept in (one sub-folder per model and revision)
 * @param revision the branch, tag or commit
 * @param endpoint the Hub's base URL
 * @param timeout the time limit of each request
 */
public record HubDownload(String modelId, Optional<ApiKey> token, Path cacheDir, String revision, URI endpoint,
                          Duration timeout) {
    /** The Hub: {@code https://huggingface.co}. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://huggingface.co");
    /** Default revision: {@code main}. */
    public static final String DEFAULT_REVISION = "main";
    /** Default time limit per request: 60 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Validates the components.
     *
     * @param modelId the Hub repository, {@code owner/name}
     * @param token the Hub access token, needed for gated and private models
     * @param cacheDir the folder the file is kept in (one sub-folder per model and revision)
     * @param revision the branch, tag or commit
     * @param endpoint the Hub's base URL
     * @param timeout the time limit of each request
     * @throws IllegalArgumentException if the model id is not {@code owner/name}, the revision is blank or the
     *         timeout not positive
     */
    public HubDownload {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(timeout, "timeout");
        token = token == null ? Optional.empty() : token;
        if (!modelId.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("modelId must be owner/name, for example Qwen/Qwen3-8B: " + modelId);
        }
        if (revision.isBlank() || revision.contains("..")) {
            throw new IllegalArgumentException("revision must name a branch, tag or commit: " + revision);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /**
     * Starts a builder: revision {@code main}, endpoint {@code https://huggingface.co}, 60 s per request, no token.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().modelId(modelId).cacheDir(cacheDir).revision(revision).endpoint(endpoint)
                .timeout(timeout);
        b.token = token;
        return b;
    }

    /** Builds a {@link HubDownload}. Not thread-safe. */
    public static final class Builder {
        private String modelId;
        private Optional<ApiKey> token = Optional.empty();
        private Path cacheDir;
        private String revision = DEFAULT_REVISION;
        private URI endpoint = DEFAULT_ENDPOINT;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder() {
        }

        /**
         * Sets the repository. Required.
         *
         * @param modelId {@code owner/name}, for example {@code Qwen/Qwen3-8B}
         * @return this builder
         */
        public Builder modelId(String modelId) {
            this.modelId = Objects.requireNonNull(modelId, "modelId");
            return this;
        }

        /**
         * Sets the access token. Default: none (public models only).
         *
         * @param token the token
         * @return this builder
         */
        public Builder token(ApiKey token) {
            this.token = Optional.of(Objects.requireNonNull(token, "token"));
            return this;
        }

        /**
         * Sets the cache folder. Required.
         *
         * @param dir the folder; created when missing
         * @return this builder
         */
        public Builder cacheDir(Path dir) {
            this.cacheDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Sets the revision. Default: {@code main}. A commit hash pins the file.
         *
         * @param revision a branch, tag or commit
         * @return this builder
         */
        public Builder revision(String revision) {
            this.revision = Objects.requireNonNull(revision, "revision");
            return this;
        }

        /**
         * Sets the Hub's base URL. Default: {@code https://huggingface.co}; a mirror or a test server otherwise
         * ({@code http://} only to loopback hosts).
         *
         * @param endpoint the base URL
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /**
         * Sets the time limit of each request. Default: 60 s.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalStateException if the model id or the cache folder is missing
         * @throws IllegalArgumentException if a value is out of range
         */
        public HubDownload build() {
            if (modelId == null || cacheDir == null) {
                throw new IllegalStateException("modelId and cacheDir are required");
            }
            return new HubDownload(modelId, token, cacheDir, revision, endpoint, timeout);
        }
    }
}
