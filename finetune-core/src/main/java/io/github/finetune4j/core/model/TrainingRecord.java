package io.github.finetune4j.core.model;

/**
 * One line of a training file: a chat {@link Example} (supervised) or a {@link PreferenceExample} (DPO).
 */
public sealed interface TrainingRecord permits Example, PreferenceExample {
    /**
     * The method this record trains with.
     *
     * @return {@link FineTuneMethod#SUPERVISED} or {@link FineTuneMethod#DPO}
     */
    FineTuneMethod method();
}
