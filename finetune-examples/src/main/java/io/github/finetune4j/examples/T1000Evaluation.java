package io.github.finetune4j.examples;

import io.github.finetune4j.core.ConsoleProgress;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.TrainingHistoryRecorder;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.eval.Candidate;
import io.github.finetune4j.eval.EvalExample;
import io.github.finetune4j.eval.EvalListener;
import io.github.finetune4j.eval.EvalRow;
import io.github.finetune4j.eval.Evaluation;
import io.github.finetune4j.eval.EvaluationResult;
import io.github.finetune4j.eval.HtmlReport;
import io.github.finetune4j.eval.JobSummary;
import io.github.finetune4j.eval.LossCurves;
import io.github.finetune4j.eval.Scorers;
import io.github.finetune4j.together.TogetherAiFineTuning;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The T-1000 story continued: proves that the fine-tuned customer-service bot is better than its base model, and
 * shows it. Trains the bot (or re-attaches to the job after a crash), then asks eight held-out paraphrases of its
 * training questions to three candidates: the fine-tuned model, its base model with the same system prompt, and the
 * base model with four training examples as few-shot prompt. Prints the summary table and writes
 * {@code report.html} (self-contained) and {@code loss.svg} into the output directory. Runs on OpenAI when
 * {@code OPENAI_API_KEY} is set (this costs money), otherwise on the embedded emulator.
 *
 * <p>With {@code --together} it also trains the open model of {@link TogetherT1000Story} (Llama 3.1 8B with LoRA on
 * Together AI) and adds it as a fourth candidate, so the GPT model and the open model are compared on the same
 * held-out questions. Both run on the real services ({@code OPENAI_API_KEY} and {@code TOGETHER_API_KEY}) or both
 * on the emulator.
 *
 * <p>Answers are cached in {@code t1000-eval-cache.jsonl} in the output directory: run the program again after a
 * crash and it only asks what is missing.
 */
public final class T1000Evaluation {
    /** The model the bot is fine-tuned from. */
    public static final String BASE_MODEL = "gpt-4o-mini-2024-07-18";

    /** The name of the open model's candidate when the evaluation runs with Together. */
    public static final String TOGETHER_CANDIDATE = "Llama 3.1 8B fine-tuned (together)";

    private static final int EPOCHS = 3;
    private static final int FEW_SHOTS = 4;

    private final PrintStream out;
    private final Path outputDir;
    private final Duration pollInterval;

    /**
     * Creates the program.
     *
     * @param out where to print
     * @param outputDir where the report, the loss curves and the answer cache go
     * @param pollInterval the first delay between polls of the training job
     */
    public T1000Evaluation(PrintStream out, Path outputDir, Duration pollInterval) {
        this.out = out;
        this.outputDir = outputDir;
        this.pollInterval = pollInterval;
    }

    /**
     * Runs the evaluation.
     *
     * @param args optional: {@code --out <directory>} (default: the working directory), {@code --together} (also
     *     the open model on Together AI)
     */
    public static void main(String[] args) {
        run(EnvironmentLookup.system(), System.out, args);
    }

    /**
     * What {@link #main} does, with the environment and the output given.
     *
     * @param environment where to look for {@code OPENAI_API_KEY} and {@code TOGETHER_API_KEY}
     * @param out where to print
     * @param args as for {@link #main}
     * @return the evaluation's result
     * @throws IllegalArgumentException if an argument is unknown, or {@code --together} is asked with only one of
     *     the two services configured
     */
    public static EvaluationResult run(EnvironmentLookup environment, PrintStream out, String... args) {
        Path dir = Path.of(".");
        boolean together = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                dir = Path.of(args[++i]);
            } else if (args[i].equals("--together")) {
                together = true;
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --out <directory> or --together");
            }
        }
        if (together && environment.get("OPENAI_API_KEY").isPresent()
                != environment.get(TogetherAiFineTuning.API_KEY_ENV).isPresent()) {
            throw new IllegalArgumentException("--together compares a real GPT model with a real open model: set "
                    + "both OPENAI_API_KEY and " + TogetherAiFineTuning.API_KEY_ENV + ", or neither to run both on "
                    + "the emulator");
        }
        try (ExampleClients clients = ExampleClients.connect(environment, out)) {
            Duration interval = clients.emulator().isPresent() ? Duration.ofMillis(200) : Duration.ofSeconds(5);
            T1000Evaluation evaluation = new T1000Evaluation(out, dir, interval);
            if (!together) {
                return evaluation.run(clients.client());
            }
            try (ExampleClients open = ExampleClients.connectTogether(environment, out, clients.emulator())) {
                return evaluation.run(clients.client(), open.client());
            }
        }
    }

    /**
     * Eight questions that are not in the training data, each a paraphrase of a training question, with the
     * training answer as the reference.
     *
     * @return the held-out examples, with the story's system prompt
     */
    public static List<EvalExample> heldOut() {
        return List.of(
                example("filter", "Mein T-1000 saugt nicht mehr richtig. Woran liegt das?",
                        "Es könnte ein verstopfter Filter sein. Bitte überprüfen Sie den Filter und reinigen Sie ihn "
                                + "gegebenenfalls."),
                example("noise", "Warum ist mein Staubsauger so laut geworden?",
                        "Entschuldigung für die Unannehmlichkeiten. Die Lautstärke kann aufgrund von Fremdkörpern in "
                                + "der Bürste steigen. Bitte überprüfen Sie diese."),
                example("battery", "Der Akku hält nicht so lange, wie die Werbung verspricht. Warum?",
                        "Es könnte viele Gründe geben. Zum Beispiel könnte ein häufiges und langes Saugen den Akku "
                                + "schneller entladen. Stellen Sie sicher, dass Sie den Staubsauger nach jedem Gebrauch "
                                + "aufladen."),
                example("pril", T1000Data.PRIL_QUESTION,
                        "Wir empfehlen spezielle Reinigungsmittel, um die Lebensdauer zu verlängern und Beschädigungen "
                                + "zu vermeiden."),
                example("parts", "Wo kann ich Ersatzteile für meinen T-1000 bekommen?",
                        "Originale Ersatzteile erhalten Sie in unserem Online-Shop oder bei autorisierten "
                                + "Fachhändlern."),
                example("warranty", "Wie lange habe ich Garantie auf den Staubsauger?",
                        "Die Garantie beträgt zwei Jahre ab Kaufdatum. Bitte bewahren Sie Ihren Kaufbeleg auf."),
                example("charger", "Beim Laden wird das Ladegerät ziemlich warm. Ist das normal?",
                        "Eine leichte Erwärmung ist normal. Wird das Ladegerät heiß, trennen Sie es bitte vom Strom "
                                + "und kontaktieren Sie uns."),
                example("red-light", "Meine Ladestation blinkt rot, was bedeutet das?",
                        "Ein rotes Blinken zeigt einen Ladefehler an. Bitte setzen Sie den Akku neu ein und starten "
                                + "Sie den Ladevorgang erneut."));
    }

    /**
     * Trains (or re-attaches), evaluates, prints the summary table and writes the report.
     *
     * @param client the client
     * @return the evaluation's result
     */
    public EvaluationResult run(FineTuneClient client) {
        return evaluate(client, Optional.empty());
    }

    /**
     * Trains (or re-attaches to) the GPT model and the open model of {@link TogetherT1000Story}, evaluates both
     * beside the GPT base model, prints the summary table and writes the report (whose training section is the GPT
     * job's).
     *
     * @param client the OpenAI (or Azure) client
     * @param together a Together client
     * @return the evaluation's result, with the open model as candidate {@value #TOGETHER_CANDIDATE}
     */
    public EvaluationResult run(FineTuneClient client, FineTuneClient together) {
        return evaluate(client, Optional.of(together));
    }

    private EvaluationResult evaluate(FineTuneClient client, Optional<FineTuneClient> together) {
        createDirectory(outputDir);
        FineTuneRequest request = FineTuneRequest.builder().baseModel(BASE_MODEL).trainingData(T1000Data.dataset())
                .suffix("t1000").hyperparameters(Hyperparameters.builder().epochs(EPOCHS).build()).build();
        // Exactly once: run again after a crash, the same request finds the job of the first run.
        ConsoleProgress progress = new ConsoleProgress(out);
        FineTuneJob job = client.start(request, progress);
        TrainingHistoryRecorder live = new TrainingHistoryRecorder();
        JobSnapshot done = awaitTrained(job, progress, live);
        Optional<FineTunedModel> openModel = together.map(t -> {
            ConsoleProgress openProgress = new ConsoleProgress(out);
            FineTuneJob open = t.start(TogetherT1000Story.request(TogetherT1000Story.lora()).build(), openProgress);
            return t.model(awaitTrained(open, openProgress, new TrainingHistoryRecorder())).withTemperature(0);
        });

        FineTunedModel tuned = client.model(done).withTemperature(0);
        FineTunedModel base = client.model(done.baseModel()).withTemperature(0);
        List<EvalExample> heldOut = heldOut();
        out.println();
        out.println("Evaluating " + heldOut.size() + " held-out questions: fine-tuned vs "
                + openModel.map(m -> TOGETHER_CANDIDATE + " vs ").orElse("") + "base vs base + " + FEW_SHOTS
                + " shots");
        Evaluation.Builder evaluation = Evaluation.builder().examples(heldOut)
                .addCandidate(Candidate.of("fine-tuned", tuned));
        openModel.ifPresent(m -> evaluation.addCandidate(Candidate.of(TOGETHER_CANDIDATE, m)));
        EvaluationResult result = evaluation
                .addCandidate(Candidate.of("base", base))
                .addCandidate(Candidate.builder().name("base + " + FEW_SHOTS + " shots").model(base)
                        .fewShot(T1000Data.dataset(), FEW_SHOTS).build())
                .addScorer(Scorers.tokenF1()).addScorer(Scorers.chrF()).addScorer(Scorers.exactMatch())
                .concurrency(4).cache(outputDir.resolve("t1000-eval-cache.jsonl")).deadline(Duration.ofMinutes(30))
                .listener(new EvalListener() {
                    @Override
                    public void onStart(int total, int cached) {
                        out.println("  " + total + " answers to get, " + cached + " already in the cache");
                    }

                    @Override
                    public void onRow(EvalRow row, int done, int total) {
                        if (done % 8 == 0 || done == total) {
                            out.println("  " + done + "/" + total + " answered");
                        }
                    }
                })
                .build()
                .run();
        out.print(result.summaryTable());

        JobSummary summary = JobSummary.fetch(job).toBuilder()
                .requestedHyperparameters(request.hyperparameters())
                .costEstimate(T1000Data.dataset().validate(ValidationOptions.builder().baseModel(BASE_MODEL)
                        .epochs(EPOCHS).build()).cost())
                .build();
        Path report = outputDir.resolve("report.html");
        Path loss = outputDir.resolve("loss.svg");
        HtmlReport.builder().title("T-1000 customer service: fine-tuned vs base model").job(summary)
                .evaluation(result).build().write(report);
        LossCurves.write(summary.history().isEmpty() ? live.history() : summary.history(), loss);
        out.println("Report: " + report.toAbsolutePath() + " (one self-contained file; open it in a browser)");
        out.println("Loss curves: " + loss.toAbsolutePath());
        return result;
    }

    private JobSnapshot awaitTrained(FineTuneJob job, ConsoleProgress progress, TrainingHistoryRecorder history) {
        return job.awaitCompletion(WaitOptions.builder().timeout(Duration.ofHours(3))
                .initialInterval(pollInterval).maxInterval(pollInterval.multipliedBy(12))
                .listener(progress).listener(history).build());
    }

    private static EvalExample example(String id, String question, String reference) {
        return EvalExample.of(id, List.of(Message.system(T1000Data.SYSTEM_PROMPT), Message.user(question)),
                reference);
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
