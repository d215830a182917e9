package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.internal.tokenizer.TiktokenCounter;
import io.github.finetune4j.core.internal.tokenizer.TokenCounter;
import io.github.finetune4j.core.internal.tokenizer.WorkBudget;
import io.github.finetune4j.core.preflight.TokenEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PartsTest {
    @ParameterizedTest(name = "{0} examples -> {1} epochs")
    @CsvSource({"1, 25", "3, 25", "4, 25", "5, 20", "10, 10", "33, 3", "34, 3", "100, 3", "8333, 3", "8334, 2",
        "12500, 2", "25000, 1", "100000, 1", "0, 0"})
    void epochHeuristicMatchesTheCookbook(long examples, int epochs) {
        assertThat(CostModel.heuristicEpochs(examples)).isEqualTo(epochs);
    }

    @Test
    void histogramQuantilesInterpolateLikeNumpy() {
        Histogram h = new Histogram();
        for (long v : new long[] {8032, 26, 111, 45, 28}) {
            h.add(v);
        }
        h.add(Histogram.DENSE_LIMIT + 5);

        assertThat(h.valueAt(0)).isEqualTo(26);
        assertThat(h.valueAt(5)).isEqualTo(Histogram.DENSE_LIMIT + 5);
        assertThat(h.quantile(0.5)).isCloseTo((45 + 111) / 2.0, within(1e-9));
        assertThat(h.quantile(0.1)).isCloseTo(26 + 0.5 * 2, within(1e-9));
        assertThat(h.toDistribution().max()).isEqualTo(Histogram.DENSE_LIMIT + 5);
        assertThat(new Histogram().toDistribution().count()).isZero();
    }

    @Test
    void duplicateIndexRemembersTheFirstLineAndStopsGrowingAtItsCap() {
        LongIntMap map = new LongIntMap(4, 16);
        for (int i = 1; i <= 13; i++) {
            assertThat(map.putIfAbsent(i * 0x9E3779B97F4A7C15L, i)).isZero();
        }
        assertThat(map.putIfAbsent(3 * 0x9E3779B97F4A7C15L, 99)).isEqualTo(3);
        assertThat(map.isFull()).isTrue();
        assertThat(map.putIfAbsent(777, 13)).isZero();
        assertThat(map.putIfAbsent(777, 14)).isZero();
    }

    @Test
    void utf8ValidationRejectsMalformedOverlongAndSurrogateSequences() {
        byte[] good = "Grüße 👍 ẞ".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.firstInvalid(good, 0, good.length)).isEqualTo(-1);
        assertThat(Utf8.firstInvalid(new byte[] {'a', (byte) 0xC3, '('}, 0, 3)).isEqualTo(1);
        assertThat(Utf8.firstInvalid(new byte[] {(byte) 0xC0, (byte) 0xAF}, 0, 2)).isZero();
        assertThat(Utf8.firstInvalid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3)).isZero();
        assertThat(Utf8.firstInvalid(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 0, 4)).isZero();
        assertThat(Utf8.firstInvalid(new byte[] {'x', (byte) 0xE2, (byte) 0x82}, 0, 3)).isEqualTo(1);
    }

    @Test
    void specialTokensAreFound() {
        SpecialTokens openAi = new SpecialTokens(TokenizerChoice.OPENAI_SPECIAL_TOKENS);
        assertThat(openAi.find("a <|fim_suffix|> b")).isEqualTo("<|fim_suffix|>");
        assertThat(openAi.find("a <| b |> <|endoftext|>")).isEqualTo("<|endoftext|>");
        assertThat(openAi.find("<|im_start|>")).isNull();
        SpecialTokens mistral = new SpecialTokens(java.util.List.of("<|x|>", "[INST]", "[/INST]"));
        assertThat(mistral.find("a [/INST] b <|x|>")).as("the leftmost of several").isEqualTo("[/INST]");
    }

    @Test
    void repeatedStringsAreTokenizedOnce() {
        CountingCounter counting = new CountingCounter(TiktokenCounter.of(TokenEncoding.O200K_BASE));
        TextAnalyzer analyzer = new TextAnalyzer(counting, true);
        String prompt = "Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.";

        for (int i = 0; i < 10_000; i++) {
            analyzer.analyze(new String(prompt.toCharArray()), true, WorkBudget.UNLIMITED);
            analyzer.analyze("unique question number " + i, true, WorkBudget.UNLIMITED);
        }

        assertThat(counting.calls.get()).isLessThan(10_000 + 50);
        assertThat(analyzer.analyze(prompt, true, WorkBudget.UNLIMITED).tokens)
                .isEqualTo(counting.delegate.count(prompt, WorkBudget.UNLIMITED));
    }

    /** Counts how often the tokenizer runs. */
    static final class CountingCounter implements TokenCounter {
        final TokenCounter delegate;
        final AtomicInteger calls = new AtomicInteger();

        CountingCounter(TokenCounter delegate) {
            this.delegate = delegate;
        }

        @Override
        public int count(String text, WorkBudget budget) {
            calls.incrementAndGet();
            return delegate.count(text, budget);
        }

        @Override
        public String name() {
            return delegate.name();
        }
    }
}
