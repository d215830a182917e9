/**
 * The exception hierarchy: every failure the SDK reports is a {@link io.github.finetune4j.core.error.FineTuneException}.
 */
package io.github.finetune4j.core.error;
