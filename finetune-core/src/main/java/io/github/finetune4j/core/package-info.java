/**
 * The finetune4j API: {@link io.github.finetune4j.core.FineTuneClient}, {@link io.github.finetune4j.core.Dataset},
 * {@link io.github.finetune4j.core.FineTuneJob} and the options that shape them.
 */
package io.github.finetune4j.core;
