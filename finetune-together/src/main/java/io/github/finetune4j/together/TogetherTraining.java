package io.github.finetune4j.together;

import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.model.ProviderOptions;

import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The settings of a Together AI fine-tune that the common request does not have, passed with
 * {@code FineTuneRequest.Builder#providerOptions}. What the common request has is taken from it: the base model,
 * SFT or DPO ({@code method}, DPO's {@code beta}), epochs, batch size ({@code auto} is Together's {@code "max"}),
 * suffix, seed and the validation file. Everything left unset here is the service's default (LoRA at the model's
 * largest rank, one checkpoint, no evaluations, learning rate 1e-5, linear scheduler).
 *
 * <pre>{@code
 * FineTuneRequest request = FineTuneRequest.builder()
 *         .baseModel("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")
 *         .trainingData(data).validationData(heldOut).suffix("t1000")
 *         .hyperparameters(Hyperparameters.builder().epochs(3).build())
 *         .providerOptions(TogetherTraining.builder()
 *                 .lora(16, 32).checkpoints(3).evaluations(3)
 *                 .learningRate(1e-4).cosineScheduler(0.1, 0.5).warmupRatio(0.05)
 *                 .pushToHub("acme/t1000-llama-lora", ApiKey.of(System.getenv("HF_TOKEN")))
 *                 .build())
 *         .build();
 * }</pre>
 *
 * <p>The Hub token is an {@link ApiKey}: it travels only in the create request's body (declared to the transport as
 * a secret, so it never appears in a log or message) and is not part of {@link #describe()} nor of
 * {@link #toString()}. The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 * Immutable.
 *
 * @param type LoRA (the default) or full training
 * @param loraRank the LoRA rank {@code lora_r}, at most the model's {@code max_rank}; empty for the model's largest
 * @param loraAlpha the LoRA alpha; empty for twice the rank
 * @param loraDropout the LoRA dropout, in [0, 1)
 * @param loraTrainableModules {@code all-linear} (the service's default) or a comma list such as {@code q_proj,v_proj}
 * @param checkpoints how many checkpoints to keep ({@code n_checkpoints}), at most the number of epochs
 * @param evaluations how many evaluations on the validation file ({@code n_evals}); needs validation data
 * @param learningRate the peak learning rate (absolute, not a multiplier)
 * @param scheduler the learning-rate scheduler
 * @param warmupRatio the share of steps that warm the learning rate up, in [0, 1]
 * @param maxGradNorm the gradient clipping norm, 0 disables it
 * @param weightDecay the weight decay, zero or more
 * @param trainOnInputs whether prompts are trained on too (SFT); empty for the service's choice
 * @param fromCheckpoint a checkpoint to continue from: {@code ft-…}, an output name, either with {@code :STEP}
 * @param fromHubModel a Hugging Face Hub repository to start from, close to the base model in architecture
 * @param hubModelRevision the revision of {@code fromHubModel}
 * @param hubRepository the Hub repository the trained model is pushed to ({@code hf_output_repo_name})
 * @param hubToken the Hub token for the push (and for a private {@code fromHubModel})
 */
public record TogetherTraining(Type type, Optional<Integer> loraRank, Optional<Integer> loraAlpha,
                               Optional<Double> loraDropout, Optional<String> loraTrainableModules,
                               Optional<Integer> checkpoints, Optional<Integer> evaluations,
                               Optional<Double> learningRate, Optional<Scheduler> scheduler,
                               Optional<Double> warmupRatio, Optional<Double> maxGradNorm,
                               Optional<Double> weightDecay, Optional<Boolean> trainOnInputs,
                               Optional<String> fromCheckpoint, Optional<String> fromHubModel,
                               Optional<String> hubModelRevision, Optional<String> hubRepository,
                               Optional<ApiKey> hubToken) implements ProviderOptions {
    /** The provider these options are for, {@value}. */
    public static final String PROVIDER_ID = "together";
    private static final Pattern HUB_REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9._-]+");

    /** LoRA adapters on a frozen base model, or all weights. */
    public enum Type {
        /** Low-rank adapters ({@code {"type": "Lora", ...}}): cheaper, and the adapter can be downloaded alone. */
        LORA,
        /** Every weight of the model ({@code {"type": "Full"}}), where the model offers it. */
        FULL
    }

    /**
     * A learning-rate scheduler.
     *
     * @param cosine cosine decay (true) or linear decay
     * @param minLrRatio the final learning rate as a share of the peak, in [0, 1]
     * @param numCycles the cosine cycles, greater than 0 (cosine only)
     */
    public record Scheduler(boolean cosine, double minLrRatio, Optional<Double> numCycles) {
        /**
         * Validates the components.
         *
         * @param cosine cosine decay (true) or linear decay
         * @param minLrRatio the final learning rate as a share of the peak, in [0, 1]
         * @param numCycles the cosine cycles, greater than 0 (cosine only)
         * @throws IllegalArgumentException if a value is out of range
         */
        public Scheduler {
            numCycles = numCycles == null ? Optional.empty() : numCycles;
            if (!(minLrRatio >= 0 && minLrRatio <= 1)) {
                throw new IllegalArgumentException("minLrRatio must be in [0, 1]: " + minLrRatio);
            }
            if (!cosine && numCycles.isPresent()) {
                throw new IllegalArgumentException("numCycles applies to the cosine scheduler only");
            }
            numCycles.ifPresent(n -> {
                if (!(n > 0) || n.isInfinite()) {
                    throw new IllegalArgumentException("numCycles must be greater than 0: " + n);
                }
            });
        }

        /**
         * Linear decay from the peak to {@code minLrRatio} of it.
         *
         * @param minLrRatio in [0, 1]
         * @return the scheduler
         */
        public static Scheduler linear(double minLrRatio) {
            return new Scheduler(false, minLrRatio, Optional.empty());
        }

        /**
         * Cosine decay from the peak to {@code minLrRatio} of it over {@code numCycles} cycles.
         *
         * @param minLrRatio in [0, 1]
         * @param numCycles greater than 0; 0.5 is a half cosine
         * @return the scheduler
         */
        public static Scheduler cosine(double minLrRatio, double numCycles) {
            return new Scheduler(true, minLrRatio, Optional.of(numCycles));
        }

        @Override
        public String toString() {
            return (cosine ? "cosine" : "linear") + "(min=" + minLrRatio + numCycles.map(n -> ",cycles=" + n)
                    .orElse("") + ")";
        }
    }

    /**
     * Validates the components.
     *
     * @param type LoRA or full training
     * @param loraRank the LoRA rank
     * @param loraAlpha the LoRA alpha
     * @param loraDropout the LoRA dropout
     * @param loraTrainableModules the modules LoRA trains
     * @param checkpoints how many checkpoints to keep
     * @param evaluations how many evaluations
     * @param learningRate the peak learning rate
     * @param scheduler the learning-rate scheduler
     * @param warmupRatio the warm-up share
     * @param maxGradNorm the gradient clipping norm
     * @param weightDecay the weight decay
     * @param trainOnInputs whether prompts are trained on too
     * @param fromCheckpoint a checkpoint to continue from
     * @param fromHubModel a Hub repository to start from
     * @param hubModelRevision the revision of {@code fromHubModel}
     * @param hubRepository the Hub repository to push to
     * @param hubToken the Hub token
     * @throws IllegalArgumentException if a value is out of range or settings contradict each other
     */
    public TogetherTraining {
        Objects.requireNonNull(type, "type");
        loraRank = orEmpty(loraRank);
        loraAlpha = orEmpty(loraAlpha);
        loraDropout = orEmpty(loraDropout);
        loraTrainableModules = orEmpty(loraTrainableModules);
        checkpoints = orEmpty(checkpoints);
        evaluations = orEmpty(evaluations);
        learningRate = orEmpty(learningRate);
        scheduler = orEmpty(scheduler);
        warmupRatio = orEmpty(warmupRatio);
        maxGradNorm = orEmpty(maxGradNorm);
        weightDecay = orEmpty(weightDecay);
        trainOnInputs = orEmpty(trainOnInputs);
        fromCheckpoint = orEmpty(fromCheckpoint);
        fromHubModel = orEmpty(fromHubModel);
        hubModelRevision = orEmpty(hubModelRevision);
        hubRepository = orEmpty(hubRepository);
        hubToken = orEmpty(hubToken);
        if (type == Type.FULL && (loraRank.isPresent() || loraAlpha.isPresent() || loraDropout.isPresent()
                || loraTrainableModules.isPresent())) {
            throw new IllegalArgumentException("LoRA settings (rank, alpha, dropout, modules) do not apply to full "
                    + "training");
        }
        if (loraRank.isEmpty() && (loraAlpha.isPresent() || loraDropout.isPresent()
                || loraTrainableModules.isPresent())) {
            throw new IllegalArgumentException("LoRA alpha, dropout and modules need the rank too: lora(rank, alpha)");
        }
        loraRank.ifPresent(r -> atLeast("loraRank", r, 1));
        loraAlpha.ifPresent(a -> atLeast("loraAlpha", a, 1));
        loraDropout.ifPresent(d -> {
            if (!(d >= 0 && d < 1)) {
                throw new IllegalArgumentException("loraDropout must be in [0, 1): " + d);
            }
        });
        loraTrainableModules.ifPresent(m -> {
            if (m.isBlank()) {
                throw new IllegalArgumentException("loraTrainableModules must be all-linear or a comma list");
            }
        });
        checkpoints.ifPresent(c -> atLeast("checkpoints", c, 1));
        evaluations.ifPresent(e -> atLeast("evaluations", e, 0));
        learningRate.ifPresent(r -> {
            if (!(r > 0) || r.isInfinite()) {
                throw new IllegalArgumentException("learningRate must be greater than 0: " + r);
            }
        });
        warmupRatio.ifPresent(w -> {
            if (!(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException("warmupRatio must be in [0, 1]: " + w);
            }
        });
        maxGradNorm.ifPresent(n -> nonNegative("maxGradNorm", n));
        weightDecay.ifPresent(w -> nonNegative("weightDecay", w));
        fromCheckpoint.ifPresent(c -> {
            if (c.isBlank()) {
                throw new IllegalArgumentException("fromCheckpoint must name a job, an output name or job:STEP");
            }
        });
        fromHubModel.ifPresent(m -> hubName("fromHubModel", m));
        if (hubModelRevision.isPresent() && fromHubModel.isEmpty()) {
            throw new IllegalArgumentException("hubModelRevision needs fromHubModel");
        }
        if (fromHubModel.isPresent() && fromCheckpoint.isPresent()) {
            throw new IllegalArgumentException("start from a checkpoint or from a Hub model, not both");
        }
        hubRepository.ifPresent(r -> hubName("hubRepository", r));
        if (hubRepository.isPresent() && hubToken.isEmpty()) {
            throw new IllegalArgumentException("pushing to the Hugging Face Hub needs a Hub token with write access");
        }
    }

    /**
     * Starts a builder: LoRA, everything else the service's default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The service's defaults: LoRA at the model's largest rank, one checkpoint, no evaluations.
     *
     * @return the defaults
     */
    public static TogetherTraining defaults() {
        return builder().build();
    }

    /**
     * A builder holding these values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * {@value #PROVIDER_ID}.
     *
     * @return the provider id
     */
    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    /**
     * Every setting that changes the job, without the Hub token.
     *
     * @return for example {@code lora(r=16,alpha=32) checkpoints=3 lr=1.0E-4 hub=acme/t1000}
     */
    @Override
    public String describe() {
        StringJoiner out = new StringJoiner(" ");
        if (type == Type.FULL) {
            out.add("full");
        } else {
            StringJoiner lora = new StringJoiner(",", "lora(", ")");
            loraRank.ifPresent(r -> lora.add("r=" + r));
            loraAlpha.ifPresent(a -> lora.add("alpha=" + a));
            loraDropout.ifPresent(d -> lora.add("dropout=" + d));
            loraTrainableModules.ifPresent(m -> lora.add("modules=" + m));
            out.add(lora.toString());
        }
        checkpoints.ifPresent(c -> out.add("checkpoints=" + c));
        evaluations.ifPresent(e -> out.add("evals=" + e));
        learningRate.ifPresent(r -> out.add("lr=" + r));
        scheduler.ifPresent(s -> out.add("scheduler=" + s));
        warmupRatio.ifPresent(w -> out.add("warmup=" + w));
        maxGradNorm.ifPresent(n -> out.add("max_grad_norm=" + n));
        weightDecay.ifPresent(w -> out.add("weight_decay=" + w));
        trainOnInputs.ifPresent(t -> out.add("train_on_inputs=" + t));
        fromCheckpoint.ifPresent(c -> out.add("from=" + c));
        fromHubModel.ifPresent(m -> out.add("from_hub=" + m + hubModelRevision.map(r -> "@" + r).orElse("")));
        hubRepository.ifPresent(r -> out.add("hub=" + r));
        return out.toString();
    }

    @Override
    public String toString() {
        return "TogetherTraining[" + describe() + hubToken.map(t -> ", hubToken=REDACTED").orElse("") + "]";
    }

    private static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be zero or more: " + value);
        }
    }

    private static void hubName(String name, String value) {
        if (!HUB_REPOSITORY.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be a Hugging Face repository owner/name: " + value);
        }
    }

    /** Builds {@link TogetherTraining}. Not thread-safe. */
    public static final class Builder {
        private Type type = Type.LORA;
        private Optional<Integer> loraRank = Optional.empty();
        private Optional<Integer> loraAlpha = Optional.empty();
        private Optional<Double> loraDropout = Optional.empty();
        private Optional<String> loraTrainableModules = Optional.empty();
        private Optional<Integer> checkpoints = Optional.empty();
        private Optional<Integer> evaluations = Optional.empty();
        private Optional<Double> learningRate = Optional.empty();
        private Optional<Scheduler> scheduler = Optional.empty();
        private Optional<Double> warmupRatio = Optional.empty();
        private Optional<Double> maxGradNorm = Optional.empty();
        private Optional<Double> weightDecay = Optional.empty();
        private Optional<Boolean> trainOnInputs = Optional.empty();
        private Optional<String> fromCheckpoint = Optional.empty();
        private Optional<String> fromHubModel = Optional.empty();
        private Optional<String> hubModelRevision = Optional.empty();
        private Optional<String> hubRepository = Optional.empty();
        private Optional<ApiKey> hubToken = Optional.empty();

        private Builder() {
        }

        private Builder(TogetherTraining t) {
            type = t.type;
            loraRank = t.loraRank;
            loraAlpha = t.loraAlpha;
            loraDropout = t.loraDropout;
            loraTrainableModules = t.loraTrainableModules;
            checkpoints = t.checkpoints;
            evaluations = t.evaluations;
            learningRate = t.learningRate;
            scheduler = t.scheduler;
            warmupRatio = t.warmupRatio;
            maxGradNorm = t.maxGradNorm;
            weightDecay = t.weightDecay;
            trainOnInputs = t.trainOnInputs;
            fromCheckpoint = t.fromCheckpoint;
            fromHubModel = t.fromHubModel;
            hubModelRevision = t.hubModelRevision;
            hubRepository = t.hubRepository;
            hubToken = t.hubToken;
        }

        /**
         * Trains LoRA adapters with the model's largest rank (the default).
         *
         * @return this builder
         */
        public Builder lora() {
            this.type = Type.LORA;
            return this;
        }

        /**
         * Trains LoRA adapters of a rank and alpha.
         *
         * @param rank at least 1, at most the model's {@code max_rank} (16 or 64)
         * @param alpha at least 1; the SDKs use twice the rank
         * @return this builder
         */
        public Builder lora(int rank, int alpha) {
            this.type = Type.LORA;
            this.loraRank = Optional.of(rank);
            this.loraAlpha = Optional.of(alpha);
            return this;
        }

        /**
         * Sets the LoRA dropout. Default: 0.
         *
         * @param dropout in [0, 1)
         * @return this builder
         */
        public Builder loraDropout(double dropout) {
            this.loraDropout = Optional.of(dropout);
            return this;
        }

        /**
         * Sets the modules LoRA trains. Default: {@code all-linear}.
         *
         * @param modules {@code all-linear} or a comma list such as {@code q_proj,k_proj,v_proj,o_proj}
         * @return this builder
         */
        public Builder loraTrainableModules(String modules) {
            this.loraTrainableModules = Optional.of(Objects.requireNonNull(modules, "modules"));
            return this;
        }

        /**
         * Trains every weight, where the model offers it; the result is downloaded as
         * {@link WeightKind#MODEL_OUTPUT_PATH} and is not served serverless.
         *
         * @return this builder
         */
        public Builder fullTraining() {
            this.type = Type.FULL;
            return this;
        }

        /**
         * Sets how many checkpoints are kept ({@code n_checkpoints}). Default: 1.
         *
         * @param count at least 1, at most the number of epochs
         * @return this builder
         */
        public Builder checkpoints(int count) {
            this.checkpoints = Optional.of(count);
            return this;
        }

        /**
         * Sets how many times the model is evaluated on the validation data ({@code n_evals}). Default: 0.
         *
         * @param count zero or more; more than zero needs validation data in the request
         * @return this builder
         */
        public Builder evaluations(int count) {
            this.evaluations = Optional.of(count);
            return this;
        }

        /**
         * Sets the peak learning rate (absolute; Together has no multiplier). Default: the service's, 1e-5.
         *
         * @param rate greater than 0, within the model's limits (1e-6 to 1e-2 for most)
         * @return this builder
         */
        public Builder learningRate(double rate) {
            this.learningRate = Optional.of(rate);
            return this;
        }

        /**
         * Decays the learning rate linearly. Default: linear to 0.
         *
         * @param minLrRatio the final rate as a share of the peak, in [0, 1]
         * @return this builder
         */
        public Builder linearScheduler(double minLrRatio) {
            this.scheduler = Optional.of(Scheduler.linear(minLrRatio));
            return this;
        }

        /**
         * Decays the learning rate along a cosine.
         *
         * @param minLrRatio the final rate as a share of the peak, in [0, 1]
         * @param numCycles the cycles, greater than 0 (0.5: one half cosine)
         * @return this builder
         */
        public Builder cosineScheduler(double minLrRatio, double numCycles) {
            this.scheduler = Optional.of(Scheduler.cosine(minLrRatio, numCycles));
            return this;
        }

        /**
         * Sets the share of steps that warm the learning rate up. Default: 0.
         *
         * @param ratio in [0, 1]
         * @return this builder
         */
        public Builder warmupRatio(double ratio) {
            this.warmupRatio = Optional.of(ratio);
            return this;
        }

        /**
         * Sets the gradient clipping norm. Default: 1.0.
         *
         * @param norm zero (no clipping) or more
         * @return this builder
         */
        public Builder maxGradNorm(double norm) {
            this.maxGradNorm = Optional.of(norm);
            return this;
        }

        /**
         * Sets the weight decay. Default: 0.
         *
         * @param decay zero or more
         * @return this builder
         */
        public Builder weightDecay(double decay) {
            this.weightDecay = Optional.of(decay);
            return this;
        }

        /**
         * Trains on the prompts too (true) or masks them (false), for SFT. Default: the service's choice.
         *
         * @param train whether user messages and prompts are trained on
         * @return this builder
         */
        public Builder trainOnInputs(boolean train) {
            this.trainOnInputs = Optional.of(train);
            return this;
        }

        /**
         * Continues training from a checkpoint of an earlier job of the same base model.
         *
         * @param checkpoint {@code ft-…}, an output name, or either with {@code :STEP} (the final checkpoint without
         *     one)
         * @return this builder
         */
        public Builder fromCheckpoint(String checkpoint) {
            this.fromCheckpoint = Optional.of(Objects.requireNonNull(checkpoint, "checkpoint"));
            return this;
        }

        /**
         * Starts from weights on the Hugging Face Hub instead of the base model's; the base model must be close in
         * architecture and size. A private repository needs {@link #hubToken(ApiKey)}.
         *
         * @param repository {@code owner/name}
         * @param revision a branch, tag or commit, or null for {@code main}
         * @return this builder
         */
        public Builder fromHubModel(String repository, String revision) {
            this.fromHubModel = Optional.of(Objects.requireNonNull(repository, "repository"));
            this.hubModelRevision = Optional.ofNullable(revision);
            return this;
        }

        /**
         * Pushes the trained model (the adapter for LoRA) to a Hugging Face Hub repository of yours when the job
         * completes. The weights stay yours: download them from the Hub and serve them anywhere.
         *
         * @param repository {@code owner/name}; Together creates it if it does not exist
         * @param token a Hub token with write access to it
         * @return this builder
         */
        public Builder pushToHub(String repository, ApiKey token) {
            this.hubRepository = Optional.of(Objects.requireNonNull(repository, "repository"));
            this.hubToken = Optional.of(Objects.requireNonNull(token, "token"));
            return this;
        }

        /**
         * Sets the Hub token alone, for a private {@link #fromHubModel(String, String)}.
         *
         * @param token the Hub token
         * @return this builder
         */
        public Builder hubToken(ApiKey token) {
            this.hubToken = Optional.of(Objects.requireNonNull(token, "token"));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range or settings contradict each other
         */
        public TogetherTraining build() {
            return new TogetherTraining(type, loraRank, loraAlpha, loraDropout, loraTrainableModules, checkpoints,
                    evaluations, learningRate, scheduler, warmupRatio, maxGradNorm, weightDecay, trainOnInputs,
                    fromCheckpoint, fromHubModel, hubModelRevision, hubRepository, hubToken);
        }
    }
}
