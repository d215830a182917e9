package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.preflight.PiiKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PiiScannerTest {
    // Secrets are assembled at run time so that no fixture or source line looks like a real key.
    private static final String OPENAI_KEY = "s" + "k-proj-" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4";
    private static final String AWS_KEY = "AK" + "IA" + "IOSFODNN7EXAMPLE";
    private static final String BEARER = "Bear" + "er eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc123def456";

    private static PiiKind[] kinds(String text) {
        return Arrays.stream(PiiScanner.scan(text)).map(PiiMatch::kind).toArray(PiiKind[]::new);
    }

    private static String found(String text) {
        PiiMatch[] m = PiiScanner.scan(text);
        assertThat(m).hasSize(1);
        return text.substring(m[0].start(), m[0].end());
    }

    @Test
    void findsEmailAddresses() {
        assertThat(found("Schreib an erika.mustermann+t1000@mail.example.de, danke")).isEqualTo(
                "erika.mustermann+t1000@mail.example.de");
        assertThat(found("<max@example.com>")).isEqualTo("max@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"@Override public void run()", "user@localhost", "a@b.c", "x@.de", "foo@bar..de",
            "@mention", "E-Mail: @ example.de"})
    void ignoresThingsThatAreNotEmailAddresses(String text) {
        assertThat(kinds(text)).doesNotContain(PiiKind.EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+49 30 12345678", "+49 (0)30 1234567", "+49-171-1234567", "+44 20 7946 0958",
            "+1 415 555 2671", "0049 30 1234567", "030 12345678", "(030) 1234567", "0171/1234567", "0171 123 45 67",
            "089-1234567", "01711234567"})
    void findsInternationalAndGermanPhoneNumbers(String phone) {
        assertThat(found("Ruf an: " + phone + ".")).isEqualTo(phone);
        assertThat(kinds("Ruf an: " + phone + ".")).containsExactly(PiiKind.PHONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Version 1.2.3", "am 2024-07-18 um 10:00", "Preis 1.299,00 EUR", "0.123456789",
            "Bestellnummer 123456789", "PLZ 10115", "ISBN 978-3-16-148410-0", "+49", "Tel. 030 123",
            "gpt-4o-mini-2024-07-18", "x=0301234567abc",
            "Zahlen 0 2 4 6 8 10 12 14", "Liste: 0 1 2 3 4 5 6 7 8 9"})
    void ignoresNumbersThatAreNotPhoneNumbers(String text) {
        assertThat(kinds(text)).isEmpty();
    }

    @Test
    void findsIbansWithValidCheckDigitsOnly() {
        assertThat(found("IBAN: DE89 3704 0044 0532 0130 00 bitte")).isEqualTo("DE89 3704 0044 0532 0130 00");
        assertThat(found("DE89370400440532013000")).isEqualTo("DE89370400440532013000");
        assertThat(found("GB82 WEST 1234 5698 7654 32")).isEqualTo("GB82 WEST 1234 5698 7654 32");
        assertThat(found("AT611904300234573201")).isEqualTo("AT611904300234573201");
        assertThat(kinds("DE88 3704 0044 0532 0130 00")).as("wrong check digits").isEmpty();
        assertThat(kinds("DE89 3704 0044 0532 0130")).as("too short").isEmpty();
        assertThat(kinds("ZZ89370400440532013000")).as("unknown country").isEmpty();
    }

    @Test
    void findsPaymentCardNumbersThatPassLuhn() {
        assertThat(found("Karte 4111 1111 1111 1111 gültig")).isEqualTo("4111 1111 1111 1111");
        assertThat(found("5500-0000-0000-0004")).isEqualTo("5500-0000-0000-0004");
        assertThat(found("Amex 378282246310005")).isEqualTo("378282246310005");
        assertThat(kinds("378282246310005")).as("no grouping, no card word").isEmpty();
        assertThat(kinds("4111 1111 1111 1112")).as("Luhn fails").isEmpty();
        assertThat(kinds("1234 5678 9012 3452")).as("no card starts with 1").isEmpty();
    }

    @Test
    void findsSecrets() {
        assertThat(kinds("key=" + OPENAI_KEY)).containsExactly(PiiKind.OPENAI_KEY);
        assertThat(kinds("aws " + AWS_KEY + " here")).containsExactly(PiiKind.AWS_ACCESS_KEY);
        assertThat(kinds("Authorization: " + BEARER)).containsExactly(PiiKind.BEARER_TOKEN);
        assertThat(kinds("authorization: bearer abcdefghijklmnop1234")).containsExactly(PiiKind.BEARER_TOKEN);
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";
        assertThat(found("x " + pem + " y")).isEqualTo(pem);
        assertThat(kinds("-----BEGIN PUBLIC KEY-----")).isEmpty();
        assertThat(kinds("ask-me-anything-about-this-topic-please")).as("sk- inside a word").isEmpty();
        assertThat(kinds("sk-short")).isEmpty();
        assertThat(kinds("The bearer of this letter")).isEmpty();
    }

    @Test
    void findsSeveralKindsInOneStringInOrder() {
        String text = "Mail max@example.de, Tel. +49 30 1234567, IBAN DE89370400440532013000.";

        assertThat(kinds(text)).containsExactly(PiiKind.EMAIL, PiiKind.PHONE, PiiKind.IBAN);
        assertThat(Masker.redact(text, PiiScanner.scan(text)))
                .isEqualTo("Mail [EMAIL], Tel. [PHONE], IBAN [IBAN].");
    }

    @Test
    void masksNeverRevealTheValue() {
        String[] values = {"erika.mustermann@example.de", "+49 30 12345678", "0171 1234567",
            "DE89 3704 0044 0532 0130 00", "4111 1111 1111 1111", OPENAI_KEY, AWS_KEY, BEARER,
            "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----"};
        for (String value : values) {
            PiiMatch[] m = PiiScanner.scan(value);
            assertThat(m).as(value).hasSize(1);
            String masked = Masker.mask(m[0].kind(), value);
            String compact = value.replaceAll("[^A-Za-z0-9]", "");
            String maskedCompact = masked.replaceAll("[^A-Za-z0-9]", "");
            assertThat(masked).as(value).contains("***").isNotEqualTo(value);
            assertThat(maskedCompact.length()).as(masked).isLessThanOrEqualTo(Math.max(4, compact.length() / 2));
            assertThat(compact).as("the longest visible run").doesNotContain(longestRun(masked.replace("Bearer ", "")
                    .replaceAll("-----BEGIN [A-Z ]*-----", ""), 6));
        }
        assertThat(Masker.mask(PiiKind.EMAIL, "erika.mustermann@example.de")).isEqualTo("e***@***.de");
        assertThat(Masker.mask(PiiKind.PAYMENT_CARD, "4111 1111 1111 1111")).isEqualTo("**** **** **** 1111");
        assertThat(Masker.mask(PiiKind.IBAN, "DE89 3704 0044 0532 0130 00")).isEqualTo("DE** *** 00");
        assertThat(Masker.mask(PiiKind.PHONE, "+49 30 12345678")).isEqualTo("+49 *** 78");
        assertThat(Masker.mask(PiiKind.OPENAI_KEY, OPENAI_KEY)).isEqualTo("sk-***");
    }

    /** A marker that cannot occur unless at least {@code n} consecutive alphanumerics of the value are shown. */
    private static String longestRun(String masked, int n) {
        String best = "";
        for (String run : masked.split("[^A-Za-z0-9]+")) {
            if (run.length() > best.length()) {
                best = run;
            }
        }
        return best.length() >= n ? best : "\u0000never\u0000";
    }

    @Test
    void luhnAndMod97() {
        assertThat(Checksums.luhn("79927398713".toCharArray(), 11)).isTrue();
        assertThat(Checksums.luhn("79927398710".toCharArray(), 11)).isFalse();
        assertThat(Checksums.ibanMod97("DE89370400440532013000".toCharArray(), 22)).isTrue();
        assertThat(Checksums.ibanMod97("DE89370400440532013001".toCharArray(), 22)).isFalse();
        assertThat(Checksums.ibanMod97("GB82WEST12345698765432".toCharArray(), 22)).isTrue();
    }
}
