package io.github.finetune4j.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where configuration variables such as {@code OPENAI_API_KEY} are read from. Injectable, because tests cannot
 * change the real environment.
 *
 * <pre>{@code
 * FineTuneClient.builder().environment(EnvironmentLookup.of(Map.of("OPENAI_API_KEY", "test"))).build();
 * }</pre>
 */
@FunctionalInterface
public interface EnvironmentLookup {
    /**
     * Looks a variable up.
     *
     * @param name the variable name
     * @return its value, or empty when unset or blank
     */
    Optional<String> get(String name);

    /**
     * The process environment ({@link System#getenv(String)}).
     *
     * @return the lookup
     */
    static EnvironmentLookup system() {
        return name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    /**
     * A fixed map, for tests and explicit configuration.
     *
     * @param values name to value
     * @return the lookup
     */
    static EnvironmentLookup of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(values, "values"));
        return name -> Optional.ofNullable(copy.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * A lookup with no variables.
     *
     * @return the lookup
     */
    static EnvironmentLookup empty() {
        return name -> Optional.empty();
    }
}
