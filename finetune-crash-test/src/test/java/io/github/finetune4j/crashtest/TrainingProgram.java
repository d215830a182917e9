package io.github.finetune4j.crashtest;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneClientBuilder;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobSnapshot;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The program the crash tests kill: an ordinary user program that starts a fine-tuning job and waits for it, with
 * the provider taken from the environment ({@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY}). Run twice with the
 * same arguments, it must train one job and leave no file behind that the job does not use.
 *
 * <p>Arguments (all but {@code --data} optional):
 * <ul>
 *   <li>{@code --data FILE}: the training JSONL</li>
 *   <li>{@code --state DIR}: where unfinished uploads in parts are remembered</li>
 *   <li>{@code --large THRESHOLD:PART}: upload files above THRESHOLD bytes in parts of PART bytes</li>
 *   <li>{@code --halt-at file-processed|job-created}: {@link Runtime#halt(int)} in that listener callback, as a
 *       crash at that point</li>
 *   <li>{@code --upload-only}: upload the file and stop (no job)</li>
 *   <li>{@code --request-timeout-ms N}, {@code --poll-ms N}: client timings</li>
 * </ul>
 *
 * <p>Prints one line per milestone on standard output ({@code JOB <id> created|reused}, {@code SUCCEEDED <id>},
 * {@code UPLOADED <file id>}, {@code HALT <point>}, {@code FAILED <exception>: <message>}). Exit codes:
 * {@value #OK}, {@value #FAILED} (a {@link FineTuneException}), {@value #HALTED}, anything else is a bug.
 */
public final class TrainingProgram {
    static final int OK = 0;
    static final int FAILED = 3;
    static final int HALTED = 86;

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private TrainingProgram() {
    }

    /**
     * Runs the program.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        FineTuneClientBuilder builder = FineTuneClient.builder().provider("openai")
                .requestTimeout(Duration.ofMillis(Long.parseLong(options.getOrDefault("--request-timeout-ms", "2000"))))
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(500)))
                .defaultWaitOptions(WaitOptions.builder().timeout(Duration.ofMinutes(2))
                        .fixedInterval(Duration.ofMillis(Long.parseLong(options.getOrDefault("--poll-ms", "50"))))
                        .build());
        if (options.containsKey("--state")) {
            builder.uploadStateDirectory(Path.of(options.get("--state")));
        }
        if (options.containsKey("--large")) {
            String[] sizes = options.get("--large").split(":");
            builder.largeFileUploads(Long.parseLong(sizes[0]), Long.parseLong(sizes[1]));
        }
        Dataset data = Dataset.fromJsonl(Path.of(options.get("--data")));
        String haltAt = options.getOrDefault("--halt-at", "");
        try (FineTuneClient client = builder.build()) {
            if (options.containsKey("--upload-only")) {
                FileInfo file = client.uploadFile(data);
                OUT.println("UPLOADED " + file.id().value());
                return;
            }
            FineTuneRequest request = FineTuneRequest.builder().baseModel("gpt-4o-mini-2024-07-18")
                    .trainingData(data).suffix("crash").build();
            FineTuneJob job = client.start(request, new Crashing(haltAt));
            JobSnapshot done = job.awaitCompletion();
            OUT.println("SUCCEEDED " + done.id().value());
        } catch (FineTuneException e) {
            OUT.println("FAILED " + e.getClass().getName() + ": " + e.getMessage());
            System.exit(FAILED);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--upload-only")) {
                options.put(args[i], "");
            } else {
                options.put(args[i], args[++i]);
            }
        }
        if (!options.containsKey("--data")) {
            throw new IllegalArgumentException("--data FILE is required");
        }
        return options;
    }

    /** Reports each milestone and halts the JVM at the chosen one, as a crash there would. */
    private static final class Crashing implements JobListener {
        private final String haltAt;

        Crashing(String haltAt) {
            this.haltAt = haltAt;
        }

        @Override
        public void onFileProcessed(FileInfo file) {
            OUT.println("PROCESSED " + file.id().value());
            haltIf("file-processed");
        }

        @Override
        public void onJobCreated(JobSnapshot job) {
            OUT.println("JOB " + job.id().value() + " created");
            haltIf("job-created");
        }

        @Override
        public void onJobReused(JobSnapshot job) {
            OUT.println("JOB " + job.id().value() + " reused");
        }

        @Override
        public void onFileReused(FileInfo file) {
            OUT.println("FILE " + file.id().value() + " reused");
        }

        @Override
        public void onFileUploaded(FileInfo file) {
            OUT.println("FILE " + file.id().value() + " uploaded");
        }

        @Override
        public void onDuplicateJobCancelled(JobSnapshot cancelled, JobSnapshot kept) {
            OUT.println("DUPLICATE " + cancelled.id().value() + " cancelled, kept " + kept.id().value());
        }

        private void haltIf(String point) {
            if (point.equals(haltAt)) {
                OUT.println("HALT " + point);
                Runtime.getRuntime().halt(HALTED);
            }
        }
    }
}
