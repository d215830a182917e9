package io.github.finetune4j.core.internal.tokenizer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Llama-3-style {@code tokenizer.json} (trained here, see {@link SyntheticTokenizer}) counts exactly as the
 * quadratic reference BPE does on a corpus generated for the test, in both merge formats.
 */
class LlamaStyleTokenizerTest {
    private static SyntheticTokenizer trained;

    @BeforeAll
    static void train() {
        trained = new SyntheticTokenizer(600, 1);
    }

    private static HfBpeCounter read(String json) throws Exception {
        return HfTokenizerFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "synthetic");
    }

    /** Pre-tokenize with the pattern, then the reference BPE; ignore_merges: a piece in the vocabulary is 1 token. */
    private static int reference(String text) {
        Pattern pattern = Pattern.compile(SyntheticTokenizer.LLAMA3_PATTERN, Pattern.UNICODE_CHARACTER_CLASS);
        int total = 0;
        for (Matcher m = pattern.matcher(text); m.find(); ) {
            byte[] piece = m.group().getBytes(StandardCharsets.UTF_8);
            total += trained.vocabulary.containsKey(SyntheticTokenizer.key(piece)) ? 1
                    : ReferenceBpe.encode(piece, trained.referenceRanks()).size();
        }
        return total;
    }

    @ParameterizedTest(name = "merges as arrays: {0}")
    @ValueSource(booleans = {false, true})
    void countsEqualTheReferenceOnAGeneratedCorpus(boolean mergesAsArrays) throws Exception {
        HfBpeCounter counter = read(trained.toJson(mergesAsArrays));
        SplittableRandom random = new SplittableRandom(99);
        long total = 0;
        for (int example = 0; example < 300; example++) {
            String text = SyntheticTokenizer.text(random, 1 + random.nextInt(60));

            int count = counter.count(text, WorkBudget.UNLIMITED);

            assertThat(count).as(text).isEqualTo(reference(text));
            total += count;
        }
        assertThat(total).isGreaterThan(5_000);
    }

    @Test
    void longRunsCountAsTheReferenceCountsThem() throws Exception {
        HfBpeCounter counter = read(trained.toJson(true));
        for (String run : new String[] {"=", "-", " ", "x", "😀", "ab"}) {
            String text = "Anhang: " + run.repeat(700) + " Ende";

            assertThat(counter.count(text, WorkBudget.UNLIMITED)).as(run).isEqualTo(reference(text));
        }
    }

    @Test
    void specialTokensInTheTextAreOneTokenEach() throws Exception {
        HfBpeCounter counter = read(trained.toJson(false));
        String body = "Wie reinige ich den Filter?";

        int inTemplate = counter.count("<|start_header_id|>user<|end_header_id|>\n\n" + body + "<|eot_id|>",
                WorkBudget.UNLIMITED);

        assertThat(inTemplate).isEqualTo(3 + reference("user") + reference("\n\n" + body));
    }

    @Test
    void aSentencePieceStyleModelIsRefusedWithTheReason() throws Exception {
        String json = trained.toJson(false).replace("\"byte_fallback\" : false", "\"byte_fallback\" : true");

        assertThatThrownBy(() -> read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("byte_fallback");
    }
}
