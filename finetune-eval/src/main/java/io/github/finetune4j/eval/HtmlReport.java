package io.github.finetune4j.eval;

import io.github.finetune4j.core.spi.AtomicFile;
import io.github.finetune4j.eval.internal.ReportPage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A self-contained HTML report of a fine-tuning job and its evaluation: one file with inline CSS and inline SVG
 * charts; it loads no script, font, style sheet or image, so it can be mailed, archived or opened offline. The
 * markup is XHTML-compatible HTML5 (every element closed, all text escaped), so XML tools can read it too.
 *
 * <p>Sections: the job summary (base model, hyperparameters as requested and as resolved, trained tokens,
 * estimated against actual cost, duration), training and validation loss and accuracy curves, the event timeline;
 * then the evaluation: scores per candidate with confidence intervals (table and chart), pairwise win rates, the
 * cost of 1,000 requests per candidate (table and chart, with the prompt savings), and every example's answers.
 *
 * <pre>{@code
 * HtmlReport.builder()
 *         .title("T-1000 customer service: fine-tuned vs base")
 *         .job(JobSummary.fetch(job))
 *         .evaluation(result)
 *         .build()
 *         .write(Path.of("report.html"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HtmlReport {
    /** The default title. */
    public static final String DEFAULT_TITLE = "Fine-tuning report";

    private final String title;
    private final Optional<JobSummary> job;
    private final Optional<EvaluationResult> evaluation;
    private final Instant generatedAt;

    private HtmlReport(Builder b) {
        this.title = b.title;
        this.job = b.job;
        this.evaluation = b.evaluation;
        this.generatedAt = b.generatedAt == null ? Instant.now() : b.generatedAt;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Renders the report.
     *
     * @return the HTML document
     */
    public String render() {
        return ReportPage.render(title, generatedAt, job, evaluation);
    }

    /**
     * Writes the report to a file (UTF-8), replacing it.
     *
     * @param file the target, for example {@code report.html}
     * @throws UncheckedIOException if the file cannot be written
     */
    public void write(Path file) {
        try {
            AtomicFile.writeString(Objects.requireNonNull(file, "file"), render());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Builds an {@link HtmlReport}. Not thread-safe. */
    public static final class Builder {
        private String title = DEFAULT_TITLE;
        private Optional<JobSummary> job = Optional.empty();
        private Optional<EvaluationResult> evaluation = Optional.empty();
        private Instant generatedAt;

        private Builder() {
        }

        /**
         * Sets the title. Default: {@value HtmlReport#DEFAULT_TITLE}.
         *
         * @param title the title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * Adds the job sections.
         *
         * @param job the job's summary, for example {@link JobSummary#fetch(io.github.finetune4j.core.FineTuneJob)}
         * @return this builder
         */
        public Builder job(JobSummary job) {
            this.job = Optional.of(Objects.requireNonNull(job, "job"));
            return this;
        }

        /**
         * Adds the evaluation sections.
         *
         * @param result the evaluation's result
         * @return this builder
         */
        public Builder evaluation(EvaluationResult result) {
            this.evaluation = Optional.of(Objects.requireNonNull(result, "result"));
            return this;
        }

        /**
         * Sets the time printed as the generation time. Default: when {@link #build()} is called.
         *
         * @param time the instant
         * @return this builder
         */
        public Builder generatedAt(Instant time) {
            this.generatedAt = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Builds the report.
         *
         * @return the report
         */
        public HtmlReport build() {
            return new HtmlReport(this);
        }
    }
}
