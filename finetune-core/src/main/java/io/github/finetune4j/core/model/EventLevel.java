package io.github.finetune4j.core.model;

import java.util.Locale;

/** Severity of a job event. Constants may be added in minor releases. */
public enum EventLevel {
    /** Informational. */
    INFO,
    /** A warning ({@code warn} on OpenAI, {@code warning} on Azure). */
    WARN,
    /** An error. */
    ERROR,
    /** A level this version does not know. */
    UNKNOWN;

    /**
     * Maps a provider's level word onto a constant, ignoring case.
     *
     * @param raw the word, may be null
     * @return the constant; never null
     */
    public static EventLevel parse(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "info": return INFO;
            case "warn": case "warning": return WARN;
            case "error": return ERROR;
            default: return UNKNOWN;
        }
    }
}
