package io.github.finetune4j.core.error;

/** HTTP 429: too many requests, or the quota is used up (see {@link #isQuotaExhausted()}). */
public class RateLimitException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details the parts of the error response
     */
    public RateLimitException(ApiErrorDetails details) {
        super(details);
    }

    /**
     * Tells whether the account's quota or balance is used up ({@code insufficient_quota}); retrying does not help.
     *
     * @return true when the error code or type is {@code insufficient_quota} (OpenAI) or {@code quotaExceeded} /
     *     {@code InsufficientQuota} (Azure)
     */
    public boolean isQuotaExhausted() {
        return errorCode().filter(RateLimitException::isQuotaCode).isPresent()
                || errorType().filter(RateLimitException::isQuotaCode).isPresent();
    }

    private static boolean isQuotaCode(String code) {
        return code.equals("insufficient_quota") || code.equalsIgnoreCase("quotaExceeded")
                || code.equalsIgnoreCase("InsufficientQuota");
    }
}
