package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.cli.Session;
import io.github.finetune4j.cli.config.ConfigFile;
import io.github.finetune4j.cli.config.Settings;
import io.github.finetune4j.cli.run.RunStore;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.eval.Candidate;
import io.github.finetune4j.eval.EvalExample;
import io.github.finetune4j.eval.EvalListener;
import io.github.finetune4j.eval.EvalRow;
import io.github.finetune4j.eval.Evaluation;
import io.github.finetune4j.eval.EvaluationResult;
import io.github.finetune4j.eval.HtmlReport;
import io.github.finetune4j.eval.JobSummary;
import io.github.finetune4j.eval.LossCurves;
import io.github.finetune4j.eval.Scorer;
import io.github.finetune4j.eval.Scorers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code finetune eval}: the fine-tuned model against its base model, with an HTML report. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        header = "Compare the fine-tuned with the base model; write the HTML report.", sortOptions = false,
        description = {"Ask held-out questions (evaluation.examples) to the fine-tuned model, its base model and "
                + "the base model with few-shot examples; score the answers against the references, print the "
                + "summary and write report.html and loss.svg (evaluation.output). Answers are cached: a re-run "
                + "asks only what is missing."})
final class EvalCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "MODEL",
            description = "Fine-tuned model (default: the newest model trained here).")
    String model;

    @Option(names = "--examples", paramLabel = "FILE", description = "Held-out examples, JSONL (default: "
            + "evaluation.examples).")
    String examples;

    @Option(names = "--output", paramLabel = "DIR", description = "Report directory (default: evaluation.output, "
            + "else finetune-report).")
    String output;

    @Option(names = "--few-shot", paramLabel = "N", description = "Training examples for the few-shot candidate "
            + "(default: evaluation.few-shot, else 0: no such candidate).")
    Integer fewShot;

    @Option(names = "--scorer", paramLabel = "NAME", description = "token_f1, chrf, exact_match or json_valid; "
            + "repeatable (default: evaluation.scorers, else token_f1 and chrf).")
    List<String> scorers;

    private final Session session;

    EvalCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        Settings settings = session.settings();
        ConfigFile config = settings.config();
        PrintStream out = session.ctx().out();
        Optional<RunStore.Run> run = model == null ? session.runs().lastTrained()
                : session.runs().runs().stream().filter(r -> r.model().filter(model::equals).isPresent()).findFirst();
        String tunedName = model != null ? model : run.flatMap(RunStore.Run::model).orElseThrow(() ->
                new CliException("no model given and none trained here yet: name one or run `finetune train --wait`"));
        String baseName = run.map(RunStore.Run::baseModel).orElse(settings.baseModel(null));
        Path examplesFile = examples != null ? session.ctx().resolve(examples) : config.path("evaluation.examples")
                .orElseThrow(() -> new CliException("no held-out examples: set evaluation.examples in "
                        + config.file().getFileName() + " or pass --examples"));
        List<EvalExample> heldOut = EvalExample.fromDataset(Dataset.fromJsonl(
                Preflights.requireFile(examplesFile, "evaluation examples")));
        int shots = fewShot != null ? fewShot : config.string("evaluation.few-shot")
                .map(Integer::parseInt).orElse(0);
        Path dir = output != null ? session.ctx().resolve(output)
                : config.path("evaluation.output").orElse(config.dir().resolve("finetune-report"));
        Files.createDirectories(dir);

        FineTuneClient client = session.connect().client();
        Optional<String> system = settings.systemPrompt(null);
        FineTunedModel tuned = client.model(tunedName).withTemperature(0);
        FineTunedModel base = client.model(baseName).withTemperature(0);
        Evaluation.Builder evaluation = Evaluation.builder().examples(heldOut)
                .addCandidate(candidate("fine-tuned", tuned, system))
                .addCandidate(candidate("base", base, system))
                .cache(dir.resolve("eval-cache.jsonl")).deadline(Duration.ofMinutes(30));
        Optional<Path> training = settings.trainingFile(null).filter(Files::isRegularFile);
        if (shots > 0 && training.isPresent()) {
            Candidate.Builder few = Candidate.builder().name("base + " + shots + " shots").model(base)
                    .fewShot(Dataset.fromJsonl(training.get()), shots);
            system.ifPresent(few::systemPrompt);
            evaluation.addCandidate(few.build());
        }
        List<String> names = scorers != null ? scorers : config.strings("evaluation.scorers");
        for (String name : names.isEmpty() ? List.of(Scorers.TOKEN_F1, Scorers.CHRF) : names) {
            evaluation.addScorer(scorer(name));
        }
        out.println("Evaluating " + heldOut.size() + " held-out questions: " + tunedName + " vs " + baseName
                + (shots > 0 && training.isPresent() ? " (and with " + shots + " shots)" : ""));
        EvaluationResult result = evaluation.listener(new EvalListener() {
            @Override
            public void onStart(int total, int cached) {
                out.println("  " + total + " answers to get, " + cached + " already in the cache");
            }

            @Override
            public void onRow(EvalRow row, int done, int total) {
                if (done == total || done % Math.max(1, total / 4) == 0) {
                    out.println("  " + done + "/" + total + " answered");
                }
            }
        }).build().run();
        out.print(result.summaryTable());

        HtmlReport.Builder report = HtmlReport.builder().title("Fine-tuning report: " + tunedName)
                .evaluation(result).generatedAt(session.ctx().clock().instant());
        Optional<JobSummary> summary = run.map(r -> JobSummary.fetch(client.attach(JobId.of(r.jobId()))));
        summary.ifPresent(report::job);
        Path html = dir.resolve("report.html");
        report.build().write(html);
        out.println("Report: " + html);
        if (summary.isPresent() && !summary.get().history().isEmpty()) {
            Path svg = dir.resolve("loss.svg");
            LossCurves.write(summary.get().history(), svg);
            out.println("Loss curves: " + svg);
        }
        return 0;
    }

    private static Candidate candidate(String name, FineTunedModel model, Optional<String> system) {
        Candidate.Builder b = Candidate.builder().name(name).model(model);
        system.ifPresent(b::systemPrompt);
        return b.build();
    }

    static Scorer scorer(String name) {
        switch (name.strip().toLowerCase(Locale.ROOT)) {
            case Scorers.TOKEN_F1: return Scorers.tokenF1();
            case Scorers.CHRF: return Scorers.chrF();
            case Scorers.EXACT_MATCH: return Scorers.exactMatch();
            case Scorers.JSON_VALID: return Scorers.jsonValid();
            default: throw new CliException("unknown scorer '" + name + "' (token_f1, chrf, exact_match, json_valid)");
        }
    }
}
