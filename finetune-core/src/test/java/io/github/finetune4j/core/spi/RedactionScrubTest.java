package io.github.finetune4j.core.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionScrubTest {
    private static final String CLIENT_SECRET = "Xy7~Q8+r/Zk.9Wp=Lm_2-Vn";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Xy7~Q8+r/Zk.9Wp=Lm_2-Vn",                       // as it is
        "Xy7%7EQ8%2Br%2FZk.9Wp%3DLm_2-Vn",               // java.net.URLEncoder (what HttpBody.form sends)
        "Xy7~Q8%2Br%2FZk.9Wp%3DLm_2-Vn",                 // RFC 3986 / encodeURIComponent: ~ kept
        "Xy7~Q8%2Br/Zk.9Wp%3DLm_2-Vn",                   // Python urllib.parse.quote: / kept
        "Xy7%7eQ8%2br%2fZk.9Wp%3dLm_2-Vn",               // lower-case hex digits
        "%58%79%37~Q8+r/Zk.9Wp=Lm_2-Vn",                 // even letters percent-encoded
        "Xy7~Q8+r\\/Zk.9Wp=Lm_2-Vn",                     // JSON with an escaped solidus
        "Xy7\\u007eQ8\\u002Br\\u002fZk.9Wp\\u003dLm_2-Vn", // JSON unicode escapes, either case
        "Xy7~Q8%2Br\\/Zk.9Wp\\u003DLm_2-Vn",             // a mix of all of them
    })
    void aKnownSecretIsRemovedInEveryEncoding(String echoed) {
        String scrubbed = Redaction.scrub("invalid client secret '" + echoed + "' for app", List.of(CLIENT_SECRET));

        assertThat(scrubbed).isEqualTo("invalid client secret 'REDACTED' for app");
    }

    @Test
    void aSpaceMayComeBackAsAPlus() {
        assertThat(Redaction.scrub("pw=open+sesame+1234", List.of("open sesame 1234"))).isEqualTo("pw=REDACTED");
    }

    @Test
    void nonAsciiAndSupplementaryCharactersAreMatchedInUtf8AndJsonForms() {
        String secret = "pässwörd-😀-42";

        assertThat(Redaction.scrub("a " + secret + " b", List.of(secret))).isEqualTo("a REDACTED b");
        assertThat(Redaction.scrub("a p%C3%A4ssw%c3%b6rd-%F0%9F%98%80-42 b", List.of(secret))).isEqualTo("a REDACTED b");
        assertThat(Redaction.scrub("a p\\u00e4ssw\\u00F6rd-\\ud83d\\ude00-42 b", List.of(secret)))
                .isEqualTo("a REDACTED b");
    }

    @Test
    void aBearerHeaderValueAlsoRemovesTheBareToken() {
        String header = "Bearer tok_5mQ.x~Zp+w/Lm9Rk==";

        assertThat(Redaction.scrub("token tok_5mQ.x~Zp%2Bw%2FLm9Rk%3D%3D expired", List.of(header)))
                .isEqualTo("token REDACTED expired");
    }

    @Test
    void aValueWithAStrayLineBreakAlsoRemovesTheTrimmedValue() {
        assertThat(Redaction.scrub("key 9f8e7d6c5b4a39281706f5e4d3c2b1a0 refused",
                List.of("9f8e7d6c5b4a39281706f5e4d3c2b1a0\n"))).isEqualTo("key REDACTED refused");
    }

    @Test
    void aPrefixOfTheSecretOrACutEncodingIsLeftAsItIsAndNeverFails() {
        String secret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

        assertThat(Redaction.scrub("9f8e7d6c", List.of(secret))).isEqualTo("9f8e7d6c");
        assertThat(Redaction.scrub("x %2", List.of("a+b%c"))).isEqualTo("x %2");
        assertThat(Redaction.scrub("x \\u00", List.of("abcd\u00e9"))).isEqualTo("x \\u00");
        assertThat(Redaction.scrub("tail \\", List.of("abcd/"))).isEqualTo("tail \\");
    }

    @Test
    void shortAndNullSecretsAreIgnoredAndNullTextStaysNull() {
        assertThat(Redaction.scrub("abc is fine", java.util.Arrays.asList(null, "abc"))).isEqualTo("abc is fine");
        assertThat(Redaction.scrub(null, List.of("secret-value"))).isNull();
    }

    @Test
    void everyOccurrenceOfEverySecretIsRemovedLongestFirst() {
        Set<String> secrets = Set.of("abcd1234", "abcd1234efgh5678");

        assertThat(Redaction.scrub("abcd1234efgh5678 and abcd1234 and abcd1234", secrets))
                .isEqualTo("REDACTED and REDACTED and REDACTED");
    }

    @Test
    void aLongTokenIsMatchedWithoutExhaustingTheStack() {
        StringBuilder token = new StringBuilder("eyJ");
        for (int i = 0; i < 20_000; i++) {
            token.append((char) ('a' + i % 26));
        }
        String encoded = token.toString().replace("a", "%61");

        assertThat(Redaction.scrub("t=" + encoded + ";", List.of(token.toString()))).isEqualTo("t=REDACTED;");
    }

    @Test
    void unknownSecretsAreStillCaughtByShape() {
        String text = "keys sk-proj-abcdef123456 AKIAABCDEFGHIJKLMNOP Bearer opaque-token-123 "
                + "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig-nature_x";

        assertThat(Redaction.scrub(text, List.of())).isEqualTo("keys REDACTED REDACTED REDACTED REDACTED");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Ab+c/d=e&f%g~h.SECRET-9", "50%off%25real\\path",
        "%%%%secret%%", "a\\\\b\\c-secret"})
    void aSecretThatHoldsPercentSignsOrBackslashesIsFoundInEveryForm(String secret) {
        String percent = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
        String json = secret.replace("\\", "\\\\");
        String lowerHex = java.util.regex.Pattern.compile("%[0-9A-F]{2}").matcher(percent)
                .replaceAll(m -> m.group().toLowerCase(java.util.Locale.ROOT));
        for (String echoed : java.util.List.of(secret, percent, lowerHex, json)) {
            assertThat(Redaction.scrub("before " + echoed + " after", java.util.List.of(secret)))
                    .as(echoed).isEqualTo("before REDACTED after");
        }
    }
}
