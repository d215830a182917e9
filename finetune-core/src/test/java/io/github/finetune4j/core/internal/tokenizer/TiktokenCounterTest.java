package io.github.finetune4j.core.internal.tokenizer;

import com.knuddels.jtokkit.api.Encoding;
import io.github.finetune4j.core.preflight.TokenEncoding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TiktokenCounterTest {
    /** Characters at which tiktoken's pieces start and end: cases, marks, digits, every kind of space, ... */
    private static final String[] ATOMS = {"a", "b", "x", "Z", "X", "é", "É", "\u0301", "ß", "ſ", "中", "文", "𠀀", "1",
        "23", "٣", "½", "Ⅻ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u00a0", "\u3000", "\u2028", "\u0085", "'", "'s",
        "'S", "'ll", "'LL", "'Ve", "'re", "'d", "'m", "'t", "'ſ", "=", "-", ".", "/", "//", "!", "😀", "👨‍👩‍👧",
        "🇩🇪", "\u200d", "{", "}", "\"", "\\", "é", "ǅ", "ʰ", "Ⓐ", "a'", "don't", "I'M", "http://x.de/a?b=1"};

    @ParameterizedTest(name = "{0} x {1} -> {2} ({3})")
    @CsvSource({
        "x, 100000, 12500, O200K_BASE", "x, 100000, 12500, CL100K_BASE",
        "' ', 100000, 782, O200K_BASE", "' ', 100000, 782, CL100K_BASE",
        "=, 100000, 1562, O200K_BASE", "=, 100000, 1563, CL100K_BASE",
        "=, 1000000, 15625, O200K_BASE", "=, 1000000, 15625, CL100K_BASE"})
    void countsLongRunsAsTiktokenDoes(String ch, int times, int expected, TokenEncoding encoding) {
        String text = ch.repeat(times);

        assertThat(TiktokenCounter.of(encoding).count(text, WorkBudget.UNLIMITED)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void cuttingTextIntoPiecesChangesNoCount(TokenEncoding encoding) {
        TiktokenCounter shared = TiktokenCounter.of(encoding);
        Encoding jtokkit = shared.jtokkit();
        // every piece of 8 bytes or more goes through the merge engine, everything else through jtokkit in runs
        TiktokenCounter cutting = new TiktokenCounter(encoding, jtokkit, encoding == TokenEncoding.CL100K_BASE
                ? TiktokenCounter.CL100K_PATTERN : TiktokenCounter.O200K_PATTERN, 8);
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 3000; round++) {
            String text = randomText(random, 1 + random.nextInt(40));

            assertThat(cutting.count(text, WorkBudget.UNLIMITED)).as("%s", escape(text))
                    .isEqualTo(jtokkit.countTokensOrdinary(text));
        }
    }

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void longTextsWithRunsCountAsJtokkitCountsThem(TokenEncoding encoding) {
        TiktokenCounter counter = TiktokenCounter.of(encoding);
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 40; round++) {
            StringBuilder sb = new StringBuilder(randomText(random, 30));
            String atom = ATOMS[random.nextInt(ATOMS.length)];
            sb.append(atom.repeat(100 + random.nextInt(600)));
            sb.append(randomText(random, 30));
            String text = sb.toString();

            assertThat(counter.count(text, WorkBudget.UNLIMITED)).as("%s", escape(text))
                    .isEqualTo(counter.jtokkit().countTokensOrdinary(text));
        }
    }

    static String randomText(SplittableRandom random, int atoms) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < atoms; i++) {
            String atom = ATOMS[random.nextInt(ATOMS.length)];
            sb.append(random.nextInt(6) == 0 ? atom.repeat(2 + random.nextInt(12)) : atom);
        }
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> sb.append(c >= 32 && c < 127 ? String.valueOf((char) c)
                : String.format("\\u{%x}", c)));
        return sb.toString();
    }
}
