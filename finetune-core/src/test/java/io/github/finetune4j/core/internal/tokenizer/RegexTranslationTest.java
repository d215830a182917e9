package io.github.finetune4j.core.internal.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegexTranslationTest {
    /** Qwen 2.5/3's pattern, as in its tokenizer.json. */
    private static final String QWEN = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}|"
            + " ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    /** Mistral Nemo's (Tekken) pattern. */
    private static final String TEKKEN = "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*"
            + "[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+"
            + "[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    private static List<String> split(String pattern, String text) {
        List<String> out = new ArrayList<>();
        for (Matcher m = RegexTranslation.compile(pattern).matcher(text); m.find(); ) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void qwenSplitsDigitsOneByOneAndKeepsTheLastSpaceForTheNextWord() {
        assertThat(split(QWEN, "Preis 1299 EUR   ok\n\n  x"))
                .containsExactly("Preis", " ", "1", "2", "9", "9", " EUR", "  ", " ok", "\n\n", " ", " x");
    }

    @Test
    void contractionsMatchInAnyCaseAsOnigurumaFoldsThem() {
        assertThat(split(QWEN, "IT'S we'LL")).containsExactly("IT", "'S", " we", "'LL");
        assertThat(split(QWEN, "x'ſ")).as("long s folds to s").containsExactly("x", "'ſ");
    }

    @Test
    void whitespaceIsUnicodeWhitespaceAndLettersIncludeEveryScript() {
        assertThat(split(QWEN, "中文\u3000Straße\u00a0naïve")).containsExactly("中文", "\u3000Straße", "\u00a0naïve");
        assertThat(split(SyntheticTokenizer.LLAMA3_PATTERN, "12345 ½")).containsExactly("123", "45", " ", "½");
    }

    @Test
    void tekkenSplitsAtCaseChangesAndKeepsMarksWithTheirLetters() {
        assertThat(split(TEKKEN, "HTTPServer cafe\u0301 a/b//\n")).containsExactly("HTTPServer", " cafe\u0301", " a",
                "/b", "//\n");
    }

    @Test
    void onigurumaOnlyConstructsAreRewritten() {
        assertThat(RegexTranslation.translate("\\h+[[:alpha:]]\\p{^L}\\p{Han}"))
                .isEqualTo("[0-9a-fA-F]+[\\p{Alpha}]\\P{L}\\p{IsHan}");
        assertThat(Pattern.compile(RegexTranslation.translate("\\p{Han}+")).matcher("東京").matches()).isTrue();
    }

    @Test
    void anUnknownPropertyIsRefused() {
        assertThatThrownBy(() -> RegexTranslation.compile("\\p{NoSuchThing}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NoSuchThing");
    }
}
