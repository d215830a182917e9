/**
 * Pre-flight checks that run before anything is uploaded: format validation with line numbers, exact token counts,
 * the epoch and cost estimate, a personal-data scan, and a deterministic train/validation split.
 *
 * <pre>{@code
 * ValidationReport report = Dataset.fromJsonl(Path.of("train.jsonl")).validate(ValidationOptions.builder()
 *         .baseModel("gpt-4o-mini-2024-07-18")
 *         .piiPolicy(PiiPolicy.WARN)
 *         .build());
 * System.out.println(report.toText());
 * report.throwIfErrors();
 * }</pre>
 */
package io.github.finetune4j.core.preflight;
