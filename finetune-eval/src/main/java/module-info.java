/**
 * finetune4j evaluation: compares a fine-tuned model with its base model on held-out examples (pluggable scorers,
 * bootstrap confidence intervals, win rates, cost per 1,000 requests) and writes self-contained HTML and SVG
 * reports of a job and its evaluation.
 */
module io.github.finetune4j.eval {
    requires transitive io.github.finetune4j.core;
    requires com.fasterxml.jackson.databind;

    exports io.github.finetune4j.eval;
}
