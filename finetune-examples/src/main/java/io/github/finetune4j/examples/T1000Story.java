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
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The launch story: fine-tune a German customer-service bot for the T-1000 vacuum cleaner and ask it a question it
 * has never seen. Runs on OpenAI when {@code OPENAI_API_KEY} is set, otherwise on the embedded emulator.
 *
 * <p>Started again after a crash, the program finds the job of the first run by its idempotency key (derived
 * from the data and the settings) instead of starting, and paying for, a second one. Offline, each run has its
 * own embedded emulator, so a new run starts a new job there. Stopped during the wait (Ctrl-C), it says that the
 * job keeps running and what the next run will do.
 */
public final class T1000Story {
    private final PrintStream out;
    private final String nextRun;

    /**
     * Creates the story for a real provider.
     *
     * @param out where to print
     */
    public T1000Story(PrintStream out) {
        this(out, ExampleClients.NEXT_RUN_REATTACHES);
    }

    /**
     * Creates the story.
     *
     * @param out where to print
     * @param nextRun what a run started after this one was stopped will do, from {@link ExampleClients#nextRun()}
     */
    public T1000Story(PrintStream out, String nextRun) {
        this.out = out;
        this.nextRun = nextRun;
    }

    /**
     * Runs the story.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try (ExampleClients clients = ExampleClients.connect(EnvironmentLookup.system(), System.out)) {
            new T1000Story(System.out, clients.nextRun()).run(clients.client());
        }
    }

    /**
     * Trains (or re-attaches), waits, and asks the Pril question.
     *
     * @param client the client
     * @return the fine-tuned model's answer
     */
    public String run(FineTuneClient client) {
        Dataset data = T1000Data.dataset();
        out.println("Training data: " + data.size() + " examples");
        FineTuneJob job = FineTuneJob.start(client, FineTuneRequest.builder()
                .baseModel("gpt-4o-mini-2024-07-18")
                .trainingData(data)
                .suffix("t1000")
                .hyperparameters(Hyperparameters.builder().epochs(3).build())
                .build(), new ConsoleProgress(out));            // checks, uploads, creates: exactly once
        JobSnapshot done = whileTellingWhatAStopMeans(job,
                () -> job.awaitCompletion(WaitOptions.builder().timeout(Duration.ofHours(2)).build()));
        out.println("Fine-tuned model: " + done.fineTunedModel().orElseThrow());
        done.trainedTokens().ifPresent(t -> out.println("Trained tokens: " + t));

        FineTunedModel model = client.model(done).withSystemPrompt(T1000Data.SYSTEM_PROMPT);
        String answer = model.chat(T1000Data.PRIL_QUESTION);
        out.println("Frage:   " + T1000Data.PRIL_QUESTION);
        out.println("Antwort: " + answer);
        return answer;
    }

    /** Waits; if the program is stopped meanwhile (Ctrl-C, kill), says that the job keeps running. */
    private JobSnapshot whileTellingWhatAStopMeans(FineTuneJob job, Supplier<JobSnapshot> await) {
        Thread stopped = new Thread(() -> out.println(System.lineSeparator() + "Stopped waiting for job "
                + job.id() + ". " + nextRun), "t1000-stopped");
        Runtime.getRuntime().addShutdownHook(stopped);
        try {
            return await.get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopped);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) and says what happened
            }
        }
    }
}
