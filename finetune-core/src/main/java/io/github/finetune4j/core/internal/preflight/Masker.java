package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.preflight.PiiKind;

/**
 * Turns a finding into an excerpt that tells a person what and roughly where without repeating the value: at most
 * the first character of an e-mail address and its top-level domain, the country code and last two digits of a
 * phone number or IBAN, the last four digits of a card (as receipts do), and no characters of a secret.
 */
final class Masker {
    private static final String STARS = "***";

    private Masker() {
    }

    static String mask(PiiKind kind, String value) {
        switch (kind) {
            case EMAIL:
                int at = value.indexOf('@');
                int dot = value.lastIndexOf('.');
                return value.charAt(0) + STARS + "@" + STARS + (dot > at ? value.substring(dot) : "");
            case PHONE:
                String digits = digitsOf(value);
                String head = value.startsWith("+") ? "+" + digits.substring(0, 2) : digits.substring(0, 2);
                return head + " " + STARS + " " + digits.substring(digits.length() - 2);
            case IBAN:
                String compact = value.replace(" ", "");
                return compact.substring(0, 2) + "** " + STARS + " " + compact.substring(compact.length() - 2);
            case PAYMENT_CARD:
                String card = digitsOf(value);
                return "**** **** **** " + card.substring(card.length() - 4);
            case OPENAI_KEY:
                return "sk-" + STARS;
            case AWS_ACCESS_KEY:
                return value.substring(0, 4) + STARS;
            case BEARER_TOKEN:
                return "Bearer " + STARS;
            case PRIVATE_KEY:
                int headerEnd = value.indexOf("-----", 11);
                return value.substring(0, headerEnd + 5) + " " + STARS;
            default:
                return STARS;
        }
    }

    private static String digitsOf(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The text with every match replaced by its kind's placeholder.
     */
    static String redact(String text, PiiMatch[] matches) {
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (PiiMatch m : matches) {
            sb.append(text, at, m.start()).append(m.kind().placeholder());
            at = m.end();
        }
        return sb.append(text, at, text.length()).toString();
    }
}
