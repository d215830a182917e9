package io.github.finetune4j.examples;

import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.ConsoleProgress;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.JobFailedException;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.preflight.HuggingFaceTokenizer;
import io.github.finetune4j.core.preflight.ModelLimits;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.preflight.Tokenizer;
import io.github.finetune4j.together.TogetherAi;
import io.github.finetune4j.together.TogetherTraining;
import io.github.finetune4j.together.WeightDownload;
import io.github.finetune4j.together.WeightKind;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The T-1000 story on an open model: the same German customer-service data as {@link T1000Story}, fine-tuned with
 * LoRA from {@value #BASE_MODEL} on Together AI, with the same application code ({@code FineTuneJob.start},
 * {@code awaitCompletion}, {@code FineTunedModel.chat}). What is added is Together's: the pre-flight counts with the
 * Llama 3 tokenizer when one is given (and says so when it is not), Together prices the job before it is created, the
 * trained adapter is pushed to a Hugging Face Hub repository of the user's, and it can be downloaded with a checksum.
 * Runs on Together when {@code TOGETHER_API_KEY} is set, otherwise on the embedded emulator's Together dialect.
 *
 * <p>Jobs are created exactly once: run again after a crash (or after the job ended), the same request finds the job
 * of the first run instead of paying for a second one.
 */
public final class TogetherT1000Story {
    /** The base model: Llama 3.1 8B Instruct in the unquantised weights Together trains on. */
    public static final String BASE_MODEL = "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference";
    /** The environment variable of the Hugging Face token that pushes the adapter (and downloads the tokenizer). */
    public static final String HUB_TOKEN_ENV = "HF_TOKEN";
    /** The environment variable naming the Hub repository the adapter goes to, {@code owner/name}. */
    public static final String HUB_REPOSITORY_ENV = "HF_OUTPUT_REPO";
    /** The repository offline runs push to; the emulator accepts any {@code owner/name}. */
    public static final String OFFLINE_HUB_REPOSITORY = "finetune4j-examples/t1000-llama-3.1-8b-lora";

    private static final int EPOCHS = 3;
    private static final int LORA_RANK = 16;

    private final PrintStream out;
    private final Duration pollInterval;
    private final Optional<Tokenizer> tokenizer;
    private final Optional<String> hubRepository;
    private final Optional<ApiKey> hubToken;
    private final Optional<Path> downloadDir;
    private final Optional<JobListener> startListener;

    private TogetherT1000Story(Builder b) {
        this.out = b.out;
        this.pollInterval = b.pollInterval;
        this.tokenizer = b.tokenizer;
        this.hubRepository = b.hubRepository;
        this.hubToken = b.hubToken;
        this.downloadDir = b.downloadDir;
        this.startListener = b.startListener;
    }

    /**
     * Starts configuring the story.
     *
     * @param out where to print
     * @return a builder: polling every 5 s, no tokenizer file (approximate counts), no Hub push, no download, the
     *     start reported on {@code out}
     */
    public static Builder builder(PrintStream out) {
        return new Builder(out);
    }

    /**
     * Runs the story on Together AI when {@code TOGETHER_API_KEY} is set, otherwise offline on the embedded emulator.
     *
     * @param args optional: {@code --download <directory>} (the adapter goes there),
     *     {@code --tokenizer <tokenizer.json>} (a Llama 3.x tokenizer file, for exact token counts)
     */
    public static void main(String[] args) {
        run(EnvironmentLookup.system(), System.out, args);
    }

    /**
     * What {@link #main} does, with the environment and the output given.
     *
     * @param environment where to look for {@code TOGETHER_API_KEY}, {@code TOGETHER_BASE_URL},
     *     {@value #HUB_TOKEN_ENV} and {@value #HUB_REPOSITORY_ENV}
     * @param out where to print
     * @param args as for {@link #main}
     * @return the fine-tuned model's answer to the Pril question
     * @throws IllegalArgumentException if an argument is unknown or lacks its value
     */
    public static String run(EnvironmentLookup environment, PrintStream out, String... args) {
        Arguments arguments = Arguments.parse(args);
        try (ExampleClients clients = ExampleClients.connectTogether(environment, out, Optional.empty())) {
            boolean offline = clients.emulator().isPresent();
            Builder story = builder(out).pollInterval(offline ? Duration.ofMillis(200) : Duration.ofSeconds(10));
            arguments.download.ifPresent(story::downloadTo);
            tokenizer(arguments.tokenizer, environment, offline, out).ifPresent(story::tokenizer);
            hubPush(environment, offline, out, story);
            return story.build().run(clients.client());
        }
    }

    /**
     * Trains (or finds the job of an earlier run), waits, downloads the adapter if asked, and asks the Pril question.
     *
     * @param client a Together client
     * @return the fine-tuned model's answer
     * @throws JobFailedException if training fails
     */
    public String run(FineTuneClient client) {
        ConsoleProgress progress = new ConsoleProgress(out);
        FineTuneJob job = client.start(request(), startListener.orElse(progress));  // checks, uploads, creates: once
        JobSnapshot done;
        try {
            done = job.awaitCompletion(WaitOptions.builder().timeout(Duration.ofHours(3))
                    .initialInterval(pollInterval).maxInterval(pollInterval.multipliedBy(12))
                    .listener(progress).build());
        } catch (JobFailedException e) {
            out.println("Training failed: " + e.getMessage() + ". Together refunds failed jobs. Run with the same data "
                    + "and settings, this program finds this job again rather than paying for another; change the data "
                    + "or the seed to train anew.");
            throw e;
        }
        String name = done.fineTunedModel().orElseThrow();
        out.println("Fine-tuned model: " + name);
        done.trainedTokens().ifPresent(t -> out.println("Trained tokens: " + t));
        hubRepository.ifPresent(r -> out.println("LoRA adapter pushed to https://huggingface.co/" + r
                + " (yours: serve it with any LoRA-capable server, on Together or elsewhere)"));
        downloadDir.ifPresent(dir -> download(client, done, dir));

        FineTunedModel model = client.model(done).withSystemPrompt(T1000Data.SYSTEM_PROMPT);
        String answer = model.chat(T1000Data.PRIL_QUESTION);
        out.println("Frage:   " + T1000Data.PRIL_QUESTION);
        out.println("Antwort: " + answer);
        return answer;
    }

    private FineTuneRequest request() {
        out.println("Training data: " + T1000Data.dataset().size() + " examples, base model " + BASE_MODEL
                + ", LoRA rank " + LORA_RANK + ", " + EPOCHS + " epochs");
        TogetherTraining.Builder training = lora();
        if (hubRepository.isPresent() && hubToken.isPresent()) {
            training.pushToHub(hubRepository.get(), hubToken.get());
        }
        FineTuneRequest.Builder request = request(training);
        tokenizer.ifPresent(request::tokenizer);
        return request.build();
    }

    /** The story's LoRA settings: rank {@value #LORA_RANK}, alpha twice the rank. */
    static TogetherTraining.Builder lora() {
        return TogetherTraining.builder().lora(LORA_RANK, 2 * LORA_RANK);
    }

    /** The story's job: the T-1000 data on {@value #BASE_MODEL}, {@value #EPOCHS} epochs, with these settings. */
    static FineTuneRequest.Builder request(TogetherTraining.Builder training) {
        return FineTuneRequest.builder().baseModel(BASE_MODEL).trainingData(T1000Data.dataset()).suffix("t1000")
                .hyperparameters(Hyperparameters.builder().epochs(EPOCHS).build()).providerOptions(training.build());
    }

    private void download(FineTuneClient client, JobSnapshot done, Path dir) {
        Path target = dir.resolve("t1000-llama-adapter.tar.zst");
        long[] reported = {0};
        WeightDownload adapter = client.extension(TogetherAi.class).downloadWeights(done.id(), WeightKind.ADAPTER,
                target, (written, total) -> {
                    if (written - reported[0] >= 64L << 20 || total.isPresent() && written == total.getAsLong()) {
                        reported[0] = written;
                        out.println("  downloaded " + written + (total.isPresent() ? " of " + total.getAsLong() : "")
                                + " bytes");
                    }
                });
        out.println("Adapter: " + adapter.path() + " (" + adapter.bytes() + " bytes, SHA-256 " + adapter.sha256()
                + ")");
    }

    /**
     * The Llama 3 tokenizer to count with: the file given, else on Together (never offline) the Hub's, when a Hub
     * token is set; else none, and the pre-flight counts approximately. Says which in one line.
     */
    private static Optional<Tokenizer> tokenizer(Optional<Path> file, EnvironmentLookup environment, boolean offline,
                                                 PrintStream out) {
        String hubModel = PriceTable.together().find(BASE_MODEL).flatMap(ModelLimits::tokenizerModelId)
                .orElseThrow();
        if (file.isPresent()) {
            HuggingFaceTokenizer llama = HuggingFaceTokenizer.fromFile(file.get());
            out.println("Token counts: with " + file.get() + " (SHA-256 " + llama.sha256() + "); exact when it is "
                    + hubModel + "'s, which the pre-flight checks");
            return Optional.of(llama);
        }
        Optional<String> token = environment.get(HUB_TOKEN_ENV).filter(t -> !t.isBlank());
        if (!offline && token.isPresent()) {
            Path cache = Path.of(System.getProperty("user.home"), ".cache", "finetune4j", "tokenizers");
            try {
                HuggingFaceTokenizer llama = HuggingFaceTokenizer.fromHub(hubModel, ApiKey.of(token.get()), cache);
                out.println("Token counts: exact, with " + hubModel + "'s tokenizer.json from the Hub (cached in "
                        + cache + ")");
                return Optional.of(llama);
            } catch (FineTuneException e) {         // e.g. the token has no access to Meta's gated repository
                out.println("The Hub did not give " + hubModel + "'s tokenizer: " + e.getMessage());
            }
        }
        out.println("Token counts: APPROXIMATE, with cl100k_base plus the Llama 3 chat template: this repository "
                + "does not ship Meta's gated Llama 3 tokenizer. For exact counts pass --tokenizer <the tokenizer.json "
                + "of " + hubModel + ">" + (offline || token.isPresent() ? "" : " or set " + HUB_TOKEN_ENV) + ".");
        return Optional.empty();
    }

    /** On Together the push needs both variables; offline the emulator takes a stand-in token. */
    private static void hubPush(EnvironmentLookup environment, boolean offline, PrintStream out, Builder story) {
        Optional<String> token = environment.get(HUB_TOKEN_ENV).filter(t -> !t.isBlank());
        Optional<String> repository = environment.get(HUB_REPOSITORY_ENV).filter(r -> !r.isBlank());
        if (offline) {
            String target = repository.orElse(OFFLINE_HUB_REPOSITORY);
            story.pushToHub(target, ApiKey.of("hf_offline_stand_in"));
            out.println("Hub push: " + target + " (offline: the emulator takes a stand-in token; on Together the "
                    + "token comes from " + HUB_TOKEN_ENV + " and is sent as a secret)");
        } else if (token.isPresent() && repository.isPresent()) {
            story.pushToHub(repository.get(), ApiKey.of(token.get()));
            out.println("Hub push: " + repository.get() + " (token from " + HUB_TOKEN_ENV + ", sent as a secret)");
        } else {
            out.println("Hub push: off. Set " + HUB_TOKEN_ENV + " and " + HUB_REPOSITORY_ENV + "=<you>/<name> to "
                    + "have Together push the LoRA adapter to your Hub repository.");
        }
    }

    /** The command line: {@code --download}, {@code --tokenizer}. */
    private static final class Arguments {
        private Optional<Path> download = Optional.empty();
        private Optional<Path> tokenizer = Optional.empty();

        static Arguments parse(String... args) {
            Arguments a = new Arguments();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("argument " + args[i] + " needs a value");
                }
                Path value = Path.of(args[i + 1]);
                switch (args[i]) {
                    case "--download" -> a.download = Optional.of(value);
                    case "--tokenizer" -> a.tokenizer = Optional.of(value);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; expected --download <directory> or --tokenizer <tokenizer.json>");
                }
            }
            return a;
        }
    }

    /** Configures a {@link TogetherT1000Story}. Not thread-safe. */
    public static final class Builder {
        private final PrintStream out;
        private Duration pollInterval = Duration.ofSeconds(5);
        private Optional<Tokenizer> tokenizer = Optional.empty();
        private Optional<String> hubRepository = Optional.empty();
        private Optional<ApiKey> hubToken = Optional.empty();
        private Optional<Path> downloadDir = Optional.empty();
        private Optional<JobListener> startListener = Optional.empty();

        private Builder(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
        }

        /**
         * Sets the first delay between polls.
         *
         * @param interval the delay
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Sets the Llama 3 tokenizer the pre-flight counts with, for exact counts.
         *
         * @param tokenizer the tokenizer
         * @return this builder
         */
        public Builder tokenizer(Tokenizer tokenizer) {
            this.tokenizer = Optional.of(Objects.requireNonNull(tokenizer, "tokenizer"));
            return this;
        }

        /**
         * Has Together push the trained adapter to a Hub repository.
         *
         * @param repository {@code owner/name}
         * @param token a Hub token with write access
         * @return this builder
         */
        public Builder pushToHub(String repository, ApiKey token) {
            this.hubRepository = Optional.of(Objects.requireNonNull(repository, "repository"));
            this.hubToken = Optional.of(Objects.requireNonNull(token, "token"));
            return this;
        }

        /**
         * Downloads the trained adapter into a directory.
         *
         * @param dir the directory; created if missing (an interrupted download there is continued)
         * @return this builder
         */
        public Builder downloadTo(Path dir) {
            this.downloadDir = Optional.of(Objects.requireNonNull(dir, "dir"));
            return this;
        }

        /**
         * Sets what hears of the start: the pre-flight report, uploads, Together's estimate, the job's creation.
         *
         * @param listener the listener; default a {@link ConsoleProgress} printing to the story's output
         * @return this builder
         */
        public Builder startListener(JobListener listener) {
            this.startListener = Optional.of(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the story.
         *
         * @return the story
         */
        public TogetherT1000Story build() {
            return new TogetherT1000Story(this);
        }
    }
}
