package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.preflight.PiiKind;

/**
 * Where a finding is in a string.
 *
 * @param kind what was found; null only inside the scanner, for a candidate that turned out to be nothing
 * @param start first char index
 * @param end end char index, exclusive
 */
record PiiMatch(PiiKind kind, int start, int end) {
}
