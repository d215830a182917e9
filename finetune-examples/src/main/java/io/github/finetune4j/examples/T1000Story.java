package io.github.finetune4j.examples;

import io.github.finetune4j.core.ConsoleProgress;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobSnapshot;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The launch story: fine-tune a German customer-service bot for the T-1000 vacuum cleaner and ask it a question it
 * has never seen. Runs on OpenAI when {@code OPENAI_API_KEY} is set, otherwise on the embedded emulator.
 *
 * <p>The job id is kept in a state file while the job runs; started again after a crash, the program re-attaches to
 * the same job instead of starting (and paying for) a new one.
 */
public final class T1000Story {
    private final PrintStream out;
    private final Path stateFile;
    private final WaitOptions.Builder waitOptions;

    /**
     * Creates the story.
     *
     * @param out where to print
     * @param stateFile where the running job's id is kept
     * @param pollInterval the first delay between polls
     */
    public T1000Story(PrintStream out, Path stateFile, Duration pollInterval) {
        this.out = out;
        this.stateFile = stateFile;
        this.waitOptions = WaitOptions.builder().timeout(Duration.ofHours(2)).initialInterval(pollInterval)
                .maxInterval(pollInterval.multipliedBy(12)).listener(new ConsoleProgress(out));
    }

    /**
     * Runs the story.
     *
     * @param args optional: {@code --state <file>} (default {@code t1000-job.id})
     */
    public static void main(String[] args) {
        Path state = Path.of(args.length == 2 && args[0].equals("--state") ? args[1] : "t1000-job.id");
        try (ExampleClients clients = ExampleClients.connect(EnvironmentLookup.system(), System.out)) {
            Duration interval = clients.emulator().isPresent() ? Duration.ofMillis(200) : Duration.ofSeconds(5);
            new T1000Story(System.out, state, interval).run(clients.client());
        }
    }

    /**
     * Trains (or re-attaches), waits, and asks the Pril question.
     *
     * @param client the client
     * @return the fine-tuned model's answer
     */
    public String run(FineTuneClient client) {
        FineTuneJob job = ResumableJob.startOrAttach(client, stateFile, out, () -> {
            Dataset data = T1000Data.dataset();
            out.println("Training data: " + data.size() + " examples");
            return FineTuneRequest.builder()
                    .baseModel("gpt-4o-mini-2024-07-18")
                    .trainingData(data)
                    .suffix("t1000")
                    .hyperparameters(Hyperparameters.builder().epochs(3).build())
                    .build();
        });
        JobSnapshot done = job.awaitCompletion(waitOptions.build());
        ResumableJob.forget(stateFile);
        out.println("Fine-tuned model: " + done.fineTunedModel().orElseThrow());
        done.trainedTokens().ifPresent(t -> out.println("Trained tokens: " + t));

        FineTunedModel model = client.model(done).withSystemPrompt(T1000Data.SYSTEM_PROMPT);
        String answer = model.chat(T1000Data.PRIL_QUESTION);
        out.println("Frage:   " + T1000Data.PRIL_QUESTION);
        out.println("Antwort: " + answer);
        return answer;
    }
}
