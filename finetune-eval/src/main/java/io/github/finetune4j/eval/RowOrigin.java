package io.github.finetune4j.eval;

/** Where a result row comes from. */
public enum RowOrigin {
    /** The candidate was asked during this run. */
    REQUESTED,
    /** The answer was read from the result cache of an earlier run; no request was sent for it. */
    CACHE
}
