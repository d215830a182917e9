package io.github.finetune4j.core.internal.preflight;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The strict JSON readers of one run: no comments, no trailing commas, no trailing data, no NaN, duplicate keys
 * detected, nesting and string length bounded. Thread-safe.
 */
final class JsonReaders {
    /** Longest number accepted, in characters. */
    static final int MAX_NUMBER_LENGTH = 1000;

    final ObjectMapper strict;
    final ObjectMapper lenient;

    JsonReaders(int maxNestingDepth, int maxLineBytes) {
        this.strict = mapper(maxNestingDepth, maxLineBytes, true);
        this.lenient = mapper(maxNestingDepth, maxLineBytes, false);
    }

    private static ObjectMapper mapper(int depth, int maxLineBytes, boolean duplicates) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(depth)
                        .maxStringLength(Math.max(maxLineBytes, 1024)).maxNumberLength(MAX_NUMBER_LENGTH).build())
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, duplicates)
                .configure(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION, false)
                .build();
        return JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    JsonNode read(byte[] bytes, int offset, int length, boolean strictDuplicates) throws IOException {
        return (strictDuplicates ? strict : lenient).readTree(bytes, offset, length);
    }

    /**
     * Whether a string is one valid JSON value.
     */
    boolean isValid(String text) {
        try {
            JsonNode node = lenient.readTree(text);
            return node != null && !node.isMissingNode();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    byte[] write(JsonNode node) {
        try {
            return strict.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            // an unpaired surrogate (reported as an error on the line) has no UTF-8 form: write it as an escape
            try {
                return Surrogates.escapeUnpaired(strict.writeValueAsString(node)).getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException again) {
                throw new IllegalStateException("cannot serialise a parsed line", again);
            }
        }
    }
}
