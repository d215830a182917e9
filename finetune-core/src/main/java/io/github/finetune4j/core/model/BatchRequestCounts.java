package io.github.finetune4j.core.model;

/**
 * How many requests of a batch the provider has handled.
 *
 * @param total requests in the input file
 * @param completed requests that got a response
 * @param failed requests that failed
 */
public record BatchRequestCounts(long total, long completed, long failed) {
    /**
     * Validates the components.
     *
     * @param total requests in the input file, not negative
     * @param completed requests that got a response, not negative
     * @param failed requests that failed, not negative
     */
    public BatchRequestCounts {
        if (total < 0 || completed < 0 || failed < 0) {
            throw new IllegalArgumentException("request counts must not be negative");
        }
    }

    /**
     * No requests counted yet.
     *
     * @return zero counts
     */
    public static BatchRequestCounts none() {
        return new BatchRequestCounts(0, 0, 0);
    }
}
