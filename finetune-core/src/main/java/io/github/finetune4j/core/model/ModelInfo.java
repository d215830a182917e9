package io.github.finetune4j.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model as the provider's catalog describes it, with the lifecycle dates the provider announces.
 *
 * <p>The canonical constructor is outside the compatibility promise; use {@link #of(String)} and the
 * {@code with...} methods.
 *
 * @param id the model's name
 * @param ownedBy the owner, for example {@code openai} or an organisation
 * @param shutdownDate the date after which the model no longer answers (OpenAI's {@code shutdown_date})
 * @param fineTunable whether the provider accepts new fine-tuning jobs on this model, if it says
 * @param fineTuneDeprecation the date from which new fine-tuning jobs are refused (Azure's
 *     {@code deprecation.fine_tune})
 * @param inferenceDeprecation the date from which the model and its fine-tunes stop answering (Azure's
 *     {@code deprecation.inference})
 * @param trainingTypes the training types (tiers) a fine-tuning job on this model may use, as the provider spells
 *     them (for example {@code GlobalStandard}); empty when the catalog does not restrict them
 */
public record ModelInfo(String id, Optional<String> ownedBy, Optional<LocalDate> shutdownDate,
                        Optional<Boolean> fineTunable, Optional<LocalDate> fineTuneDeprecation,
                        Optional<LocalDate> inferenceDeprecation, List<String> trainingTypes) {
    /**
     * Validates the components.
     *
     * @param id the model's name
     * @param ownedBy the owner, for example {@code openai} or an organisation
     * @param shutdownDate the date after which the model no longer answers (OpenAI's {@code shutdown_date})
     * @param fineTunable whether the provider accepts new fine-tuning jobs on this model, if it says
     * @param fineTuneDeprecation the date from which new fine-tuning jobs are refused (Azure's {@code deprecation.fine_tune})
     * @param inferenceDeprecation the date from which the model and its fine-tunes stop answering (Azure's {@code deprecation.inference})
     * @param trainingTypes the training types a fine-tuning job on this model may use; empty when not restricted
     */
    public ModelInfo {
        Objects.requireNonNull(id, "id");
        ownedBy = ownedBy == null ? Optional.empty() : ownedBy;
        shutdownDate = shutdownDate == null ? Optional.empty() : shutdownDate;
        fineTunable = fineTunable == null ? Optional.empty() : fineTunable;
        fineTuneDeprecation = fineTuneDeprecation == null ? Optional.empty() : fineTuneDeprecation;
        inferenceDeprecation = inferenceDeprecation == null ? Optional.empty() : inferenceDeprecation;
        trainingTypes = trainingTypes == null ? List.of() : List.copyOf(trainingTypes);
    }

    /**
     * A model whose catalog does not restrict training types.
     *
     * @param id the model's name
     * @param ownedBy the owner
     * @param shutdownDate the shutdown date
     * @param fineTunable whether the provider accepts new fine-tuning jobs on this model, if it says
     * @param fineTuneDeprecation the date from which new fine-tuning jobs are refused
     * @param inferenceDeprecation the date from which the model and its fine-tunes stop answering
     */
    public ModelInfo(String id, Optional<String> ownedBy, Optional<LocalDate> shutdownDate,
                     Optional<Boolean> fineTunable, Optional<LocalDate> fineTuneDeprecation,
                     Optional<LocalDate> inferenceDeprecation) {
        this(id, ownedBy, shutdownDate, fineTunable, fineTuneDeprecation, inferenceDeprecation, List.of());
    }

    /**
     * A model with an owner and a shutdown date (the OpenAI catalog's fields).
     *
     * @param id the model's name
     * @param ownedBy the owner
     * @param shutdownDate the shutdown date
     */
    public ModelInfo(String id, Optional<String> ownedBy, Optional<LocalDate> shutdownDate) {
        this(id, ownedBy, shutdownDate, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A model known only by name.
     *
     * @param id the model's name
     * @return the model
     */
    public static ModelInfo of(String id) {
        return new ModelInfo(id, Optional.empty(), Optional.empty());
    }

    /**
     * This model with its fine-tuning capability.
     *
     * @param value whether new fine-tuning jobs are accepted
     * @return a new value
     */
    public ModelInfo withFineTunable(boolean value) {
        return new ModelInfo(id, ownedBy, shutdownDate, Optional.of(value), fineTuneDeprecation, inferenceDeprecation,
                trainingTypes);
    }

    /**
     * This model with its fine-tuning and inference deprecation dates.
     *
     * @param fineTune the fine-tuning deprecation, or null
     * @param inference the inference deprecation, or null
     * @return a new value
     */
    public ModelInfo withDeprecations(LocalDate fineTune, LocalDate inference) {
        return new ModelInfo(id, ownedBy, shutdownDate, fineTunable, Optional.ofNullable(fineTune),
                Optional.ofNullable(inference), trainingTypes);
    }

    /**
     * This model with the training types a fine-tuning job on it may use.
     *
     * @param types the allowed types as the provider spells them; empty for no restriction
     * @return a new value
     */
    public ModelInfo withTrainingTypes(List<String> types) {
        return new ModelInfo(id, ownedBy, shutdownDate, fineTunable, fineTuneDeprecation, inferenceDeprecation,
                types);
    }
}
