/**
 * The Together AI provider: {@link io.github.finetune4j.together.TogetherAiFineTuning} plugs it into a
 * {@link io.github.finetune4j.core.FineTuneClient} (or {@code FineTuneClient.fromEnv()} finds it through
 * {@code TOGETHER_API_KEY}); {@link io.github.finetune4j.together.TogetherTraining} holds the job settings only
 * Together has (LoRA or full training, checkpoints, evaluations, learning rate and scheduler, starting from a
 * checkpoint or a Hub model, the Hub push); {@link io.github.finetune4j.together.TogetherAi} is what applications reach
 * with {@code client.extension(TogetherAi.class)}: the price estimate, weight downloads and training metrics.
 */
package io.github.finetune4j.together;
