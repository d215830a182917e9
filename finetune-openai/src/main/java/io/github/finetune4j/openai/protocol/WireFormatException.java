package io.github.finetune4j.openai.protocol;

/**
 * A response lacked a required field or held an unusable value. Turned into a
 * {@link io.github.finetune4j.core.error.ResponseFormatException} with the request id by {@link ResponseReader}.
 */
final class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WireFormatException(String message) {
        super(message);
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw new WireFormatException("missing required field '" + field + "'");
        }
        return value;
    }

    static String requireText(String value, String field) {
        if (require(value, field).isBlank()) {
            throw new WireFormatException("blank required field '" + field + "'");
        }
        return value;
    }
}
