package io.github.finetune4j.core.error;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The provider will refuse a job on this base model (it cannot be fine-tuned, its fine-tuning was retired, or the
 * provider no longer accepts new jobs). Thrown before anything is uploaded; the message names the date and what can
 * be used instead.
 */
public class ModelUnavailableException extends FineTuneException {
    private static final long serialVersionUID = 1L;

    /** The base model. */

    private final String model;
    private final transient LocalDate since;

    /**
     * Creates the exception.
     *
     * @param provider the provider id
     * @param model the base model
     * @param since the date from which it is unavailable, or null
     * @param message the explanation with the alternative
     */
    public ModelUnavailableException(String provider, String model, LocalDate since, String message) {
        super(message, null, provider, null);
        this.model = model;
        this.since = since;
    }

    /**
     * The base model.
     *
     * @return the model name
     */
    public String model() {
        return model;
    }

    /**
     * The date from which the model or provider refuses jobs.
     *
     * @return the date, or empty when the provider gave none
     */
    public Optional<LocalDate> since() {
        return Optional.ofNullable(since);
    }
}
