/**
 * Not API. May change in any release.
 *
 * <p>Token counting for the pre-flight: the tiktoken encodings (jtokkit for ordinary text, a priority-queue BPE for
 * long pieces) and a reader of Hugging Face {@code tokenizer.json} files for byte-level BPE models, both on one merge
 * engine ({@link io.github.finetune4j.core.internal.tokenizer.PriorityBpe}) that is parameterised by a
 * {@link io.github.finetune4j.core.internal.tokenizer.PairRanker}.
 */
package io.github.finetune4j.core.internal.tokenizer;
