package io.github.finetune4j.core.preflight;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link TokenEncoding#countTokens(String)}: the public way to count, which other modules (finetune-eval) use
 * because jtokkit lives inside finetune-core's jar, relocated and not exported.
 */
class TokenEncodingTest {
    @Test
    void countsOrdinaryTextLikeTiktoken() {
        // tiktoken: enc.encode("hello world") has 2 tokens in both encodings; "ft:" names count as their base.
        assertThat(TokenEncoding.O200K_BASE.countTokens("hello world")).isEqualTo(2);
        assertThat(TokenEncoding.CL100K_BASE.countTokens("hello world")).isEqualTo(2);
        assertThat(TokenEncoding.O200K_BASE.countTokens("")).isZero();
        assertThat(TokenEncoding.forModel("ft:gpt-4o-mini-2024-07-18:org::abc").orElseThrow()
                .countTokens("hello world")).isEqualTo(2);
    }

    @Test
    void countsSpecialTokensAsTheTextTheyAreWrittenWith() {
        assertThat(TokenEncoding.CL100K_BASE.countTokens("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void rejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> TokenEncoding.O200K_BASE.countTokens(null))
                .withMessage("text");
    }
}
