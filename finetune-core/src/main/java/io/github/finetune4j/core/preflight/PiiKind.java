package io.github.finetune4j.core.preflight;

/** The kinds of personal data and secrets the pre-flight scan finds. */
public enum PiiKind {
    /** An e-mail address. */
    EMAIL("pii_email", "[EMAIL]", "e-mail address"),
    /** A phone number in international ({@code +49 30 1234567}, {@code 0049 ...}) or German national format. */
    PHONE("pii_phone", "[PHONE]", "phone number"),
    /** An IBAN whose mod-97 check digits are right. */
    IBAN("pii_iban", "[IBAN]", "IBAN"),
    /** A payment card number that passes the Luhn check. */
    PAYMENT_CARD("pii_payment_card", "[PAYMENT_CARD]", "payment card number"),
    /** An OpenAI-style API key ({@code sk-...}). */
    OPENAI_KEY("secret_openai_key", "[OPENAI_KEY]", "OpenAI-style API key"),
    /** An AWS access key id ({@code AKIA...}, {@code ASIA...}). */
    AWS_ACCESS_KEY("secret_aws_access_key", "[AWS_ACCESS_KEY]", "AWS access key id"),
    /** A bearer token ({@code Bearer <token>}). */
    BEARER_TOKEN("secret_bearer_token", "[BEARER_TOKEN]", "bearer token"),
    /** A PEM private key block ({@code -----BEGIN ... PRIVATE KEY-----}). */
    PRIVATE_KEY("secret_private_key", "[PRIVATE_KEY]", "private key block");

    private final String code;
    private final String placeholder;
    private final String description;

    PiiKind(String code, String placeholder, String description) {
        this.code = code;
        this.placeholder = placeholder;
        this.description = description;
    }

    /**
     * The stable issue code of findings of this kind.
     *
     * @return for example {@code pii_email}
     */
    public String code() {
        return code;
    }

    /**
     * The text that replaces a finding in a redacted copy.
     *
     * @return for example {@code [EMAIL]}
     */
    public String placeholder() {
        return placeholder;
    }

    /**
     * A short description for people.
     *
     * @return for example {@code e-mail address}
     */
    public String description() {
        return description;
    }
}
