/**
 * Evaluation and reports: prove that a fine-tuned model is better than its base model, and show it.
 *
 * <pre>{@code
 * EvaluationResult result = Evaluation.builder()
 *         .examples(EvalExample.fromDataset(heldOut))
 *         .addCandidate(Candidate.of("fine-tuned", client.model(done)))
 *         .addCandidate(Candidate.of("base", client.model(done.baseModel())))
 *         .addScorer(Scorers.exactMatch()).addScorer(Scorers.tokenF1()).addScorer(Scorers.chrF())
 *         .concurrency(4).cache(Path.of("eval-cache.jsonl")).deadline(Duration.ofMinutes(30))
 *         .build()
 *         .run();
 * System.out.println(result.summaryTable());
 * HtmlReport.builder().job(JobSummary.fetch(job)).evaluation(result).build().write(Path.of("report.html"));
 * }</pre>
 *
 * <p>Entry points: {@link io.github.finetune4j.eval.Evaluation} (runs candidates side by side),
 * {@link io.github.finetune4j.eval.Scorers} (exact match, token F1, chrF, JSON, regular expression, judge model),
 * {@link io.github.finetune4j.eval.HtmlReport} and {@link io.github.finetune4j.eval.LossCurves} (reports).
 */
package io.github.finetune4j.eval;
