package io.github.finetune4j.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A model as the provider's catalog describes it.
 *
 * @param id the model's name
 * @param ownedBy the owner, for example {@code openai} or an organisation
 * @param shutdownDate the date after which the model no longer answers, if announced
 */
public record ModelInfo(String id, Optional<String> ownedBy, Optional<LocalDate> shutdownDate) {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if {@code id} is null
     */
    public ModelInfo {
        Objects.requireNonNull(id, "id");
        ownedBy = ownedBy == null ? Optional.empty() : ownedBy;
        shutdownDate = shutdownDate == null ? Optional.empty() : shutdownDate;
    }
}
