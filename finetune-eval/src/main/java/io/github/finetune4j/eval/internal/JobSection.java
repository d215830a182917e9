package io.github.finetune4j.eval.internal;

import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.core.preflight.CostEstimate;
import io.github.finetune4j.core.preflight.Usd;
import io.github.finetune4j.eval.JobSummary;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The job part of the report: summary, hyperparameters, training curves and the event timeline. */
final class JobSection {
    private JobSection() {
    }

    static void render(Html h, JobSummary s) {
        JobSnapshot job = s.job();
        h.open("section", "id", "job").raw("\n");
        h.element("h2", "Fine-tuning job");
        h.open("table").raw("\n");
        row(h, "Job", job.id().value());
        row(h, "Provider", job.provider());
        row(h, "Status", job.rawStatus());
        row(h, "Base model", job.baseModel());
        row(h, "Fine-tuned model", job.fineTunedModel().orElse("(none yet)"));
        row(h, "Method", job.method().name().toLowerCase(Locale.ROOT));
        row(h, "Training file", job.trainingFile().value());
        row(h, "Validation file", job.validationFile().map(f -> f.value()).orElse("(none)"));
        row(h, "Created", time(job.createdAt()));
        row(h, "Finished", job.finishedAt().map(JobSection::time).orElse("(not finished)"));
        row(h, "Duration", s.duration().map(Formats::duration).orElse("(not finished)"));
        row(h, "Trained tokens", job.trainedTokens().map(t -> Formats.tokens(t)).orElse("(not reported yet)"));
        row(h, "Estimated cost", estimate(s.costEstimate()));
        row(h, "Actual cost", actual(s));
        job.error().ifPresent(e -> row(h, "Error", e.toString()));
        h.close("table");
        hyperparameters(h, s);
        curves(h, s.history());
        timeline(h, s);
        h.close("section");
    }

    private static String estimate(Optional<CostEstimate> estimate) {
        if (estimate.isEmpty()) {
            return "(no pre-flight estimate given)";
        }
        CostEstimate e = estimate.get();
        String tokens = Formats.tokens(e.trainedTokens()) + " trained tokens (" + Formats.tokens(e.billingTokens())
                + " per epoch x " + e.epochs() + " epochs, " + e.epochSource().name().toLowerCase(Locale.ROOT) + ")";
        return e.estimatedCost().map(c -> Usd.format(c) + " for " + tokens).orElse(tokens + ", price unknown")
                + "; price table " + e.priceTableVersion();
    }

    private static String actual(JobSummary s) {
        Optional<Long> tokens = s.job().trainedTokens();
        if (tokens.isEmpty()) {
            return "(known once the job has finished)";
        }
        return s.actualCost().map(c -> Usd.format(c) + " = " + Formats.tokens(tokens.get()) + " trained tokens x "
                        + Usd.format(s.trainingPricePerMillionTokens().orElseThrow()) + " per million")
                .orElse("(no training price for " + s.job().baseModel() + ")");
    }

    private static void hyperparameters(Html h, JobSummary s) {
        h.element("h3", "Hyperparameters");
        Hyperparameters resolved = s.job().hyperparameters();
        Optional<Hyperparameters> requested = s.requestedHyperparameters();
        h.open("table").raw("\n");
        h.open("tr").element("th", "hyperparameter").element("th", "requested")
                .element("th", "resolved by the provider").close("tr");
        hp(h, "epochs", requested, resolved, Hyperparameters::epochs);
        hp(h, "batch size", requested, resolved, Hyperparameters::batchSize);
        hp(h, "learning-rate multiplier", requested, resolved, Hyperparameters::learningRateMultiplier);
        if (resolved.beta().isPresent() || requested.flatMap(Hyperparameters::beta).isPresent()) {
            hp(h, "beta (DPO)", requested, resolved, Hyperparameters::beta);
        }
        h.close("table");
        h.element("p", "\"auto\" lets the provider choose; the resolved column shows what it chose once the job "
                + "started.", "class", "note");
    }

    private static void hp(Html h, String name, Optional<Hyperparameters> requested, Hyperparameters resolved,
                           Function<Hyperparameters, Optional<HyperparameterValue>> get) {
        String req = requested.map(r -> get.apply(r).map(HyperparameterValue::toString).orElse("auto (not sent)"))
                .orElse("(not recorded)");
        String res = get.apply(resolved).map(HyperparameterValue::toString).orElse("(not reported)");
        h.open("tr").element("td", name).element("td", req).element("td", res).close("tr");
    }

    private static void curves(Html h, TrainingHistory history) {
        h.element("h3", "Training curves");
        if (history.isEmpty()) {
            h.element("p", "The job reported no metrics.", "class", "note");
            return;
        }
        figure(h, TrainingCharts.loss(history).render(SvgMode.INLINE),
                "Loss per training step; lower is better. Validation loss is computed on a sample of the "
                        + "validation file; full validation loss on all of it (usually once per epoch).");
        LineChart accuracy = TrainingCharts.accuracy(history);
        if (!accuracy.isEmpty()) {
            figure(h, accuracy.render(SvgMode.INLINE), "Share of tokens predicted exactly; higher is better.");
        }
        h.open("table").raw("\n");
        h.open("tr").element("th", "metric").element("th", "points", "class", "num")
                .element("th", "first", "class", "num").element("th", "last", "class", "num")
                .element("th", "at step", "class", "num").close("tr");
        for (String metric : history.metricNames()) {
            var points = history.series(metric);
            h.open("tr").element("td", metric).element("td", Integer.toString(points.size()), "class", "num")
                    .element("td", Formats.number(points.get(0).value(), 4), "class", "num")
                    .element("td", Formats.number(points.get(points.size() - 1).value(), 4), "class", "num")
                    .element("td", Long.toString(points.get(points.size() - 1).step()), "class", "num").close("tr");
        }
        h.close("table");
        if (history.validLoss().isEmpty() && !history.trainLoss().isEmpty()) {
            h.element("p", "No validation metrics: the job had no validation file. Add one to see overfitting.",
                    "class", "note");
        }
    }

    private static void timeline(Html h, JobSummary s) {
        h.element("h3", "Event timeline");
        List<JobEvent> events = s.events();
        long metricEvents = events.stream().filter(e -> e.metrics().isPresent()).count();
        if (events.isEmpty()) {
            h.element("p", "No events were read.", "class", "note");
            return;
        }
        Instant start = s.job().createdAt();
        h.open("table").raw("\n");
        h.open("tr").element("th", "time (UTC)").element("th", "since creation", "class", "num")
                .element("th", "level").element("th", "message").close("tr");
        for (JobEvent e : events) {
            if (e.metrics().isPresent()) {
                continue;
            }
            String level = e.level().name().toLowerCase(Locale.ROOT);
            h.open("tr").element("td", time(e.createdAt()))
                    .element("td", "+" + Formats.duration(nonNegative(Duration.between(start, e.createdAt()))),
                            "class", "num")
                    .element("td", level, "class", "level-" + level).element("td", e.message()).close("tr");
        }
        h.close("table");
        if (metricEvents > 0) {
            h.element("p", metricEvents + " metrics events (one per reported step) are not listed; they are "
                    + "plotted above.", "class", "note");
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static void row(Html h, String name, String value) {
        h.open("tr").element("th", name).element("td", value).close("tr");
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", "");
    }

    static void figure(Html h, String svg, String caption) {
        h.open("figure").raw("\n").raw(svg).element("figcaption", caption).close("figure");
    }
}
