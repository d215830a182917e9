package io.github.finetune4j.core;

import java.util.Objects;

/**
 * A secret credential (API key or token). Its {@link #toString()} never shows the value, so objects holding an
 * {@code ApiKey} print safely.
 */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret.
     *
     * @param value the secret, not blank
     * @return the wrapped secret
     * @throws IllegalArgumentException if {@code value} is blank
     */
    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("API key must not be blank");
        }
        return new ApiKey(value.trim());
    }

    /**
     * The secret itself, for the one place that puts it into a request header.
     *
     * @return the secret
     */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey && ((ApiKey) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[REDACTED]";
    }
}
