package io.github.finetune4j.core.internal.tokenizer;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import io.github.finetune4j.core.preflight.HuggingFaceTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Llama 3.x {@code tokenizer.json}, given as a file, counts as the reference implementation does. Llama 3's
 * tokenizer is a tiktoken model (Meta's rank table with Llama 3's pre-tokenizer pattern) that Hugging Face converted
 * to a {@code tokenizer.json}: every split of each token into two tokens became a merge. The test builds both forms
 * of one model, whose ranks are learned here from generated text because the repository ships no Llama file: the
 * {@code tokenizer.json} (written the way the conversion writes it) is read through the public
 * {@link HuggingFaceTokenizer#fromFile}, and the same ranks and pattern are registered with jtokkit, an independent
 * tiktoken implementation, as the reference. Both count a generated multilingual corpus (German, English, French,
 * Russian, Arabic, Hindi, Greek, Esperanto, Turkish, CJK, emoji, numbers) of words not seen in training, so that the
 * counts depend on the merges and not only on whole-word look-ups.
 */
class LlamaTokenizerFileTest {
    private static SyntheticTokenizer trained;
    private static Encoding reference;

    @TempDir
    static Path dir;

    @BeforeAll
    static void train() {
        trained = new SyntheticTokenizer(800, 7);
        Map<String, Integer> special = new HashMap<>();
        for (int i = 0; i < SyntheticTokenizer.SPECIAL.length; i++) {
            special.put(SyntheticTokenizer.SPECIAL[i], trained.vocabulary.size() + i);
        }
        reference = Encodings.newDefaultEncodingRegistry().registerGptBytePairEncoding(
                new GptBytePairEncodingParams("llama3-style", Pattern.compile(SyntheticTokenizer.LLAMA3_PATTERN,
                        Pattern.UNICODE_CHARACTER_CLASS), trained.tiktokenRanks(), special))
                .getEncoding("llama3-style").orElseThrow();
    }

    private static HuggingFaceTokenizer llamaFile(boolean mergesAsArrays) throws Exception {
        Path file = dir.resolve("tokenizer-" + mergesAsArrays + ".json");
        Files.writeString(file, trained.toJson(mergesAsArrays, trained.everySplitMerges()), StandardCharsets.UTF_8);
        return HuggingFaceTokenizer.fromFile(file);
    }

    @Test
    void countsEqualJtokkitOnAGeneratedMultilingualCorpus() throws Exception {
        HuggingFaceTokenizer llama = llamaFile(false);
        SplittableRandom random = new SplittableRandom(2026);
        long total = 0;
        long referenceTotal = 0;
        for (int example = 0; example < 400; example++) {
            String text = SyntheticTokenizer.blendedText(random, 1 + random.nextInt(80));

            int count = llama.countTokens(text);

            assertThat(count).as("example %d: %s", example, text).isEqualTo(reference.countTokens(text));
            total += count;
            referenceTotal += reference.countTokens(text);
        }
        assertThat(total).isEqualTo(referenceTotal).isGreaterThan(10_000);
    }

    @Test
    void mergesWrittenAsArraysCountTheSame() throws Exception {
        HuggingFaceTokenizer llama = llamaFile(true);
        SplittableRandom random = new SplittableRandom(17);
        for (int example = 0; example < 100; example++) {
            String text = SyntheticTokenizer.blendedText(random, 1 + random.nextInt(40));

            assertThat(llama.countTokens(text)).as(text).isEqualTo(reference.countTokens(text));
        }
    }

    @Test
    void longRunsAndWhitespaceCountAsJtokkitCountsThem() throws Exception {
        HuggingFaceTokenizer llama = llamaFile(false);
        for (String run : new String[] {"=", " ", "\n", "\t ", "ab", "Пы", "😀", "12345", "ñ"}) {
            String text = "Anhang: " + run.repeat(900) + " Ende\r\n";

            assertThat(llama.countTokens(text)).as(run).isEqualTo(reference.countTokens(text));
        }
    }

    @Test
    void theSameMergesInAnotherOrderDoNotCountLikeTheReference() throws Exception {
        // The comparison can fail: a reader that got the merge priorities wrong (here: the file's merges in
        // reverse order) counts the corpus differently.
        List<byte[]> merges = trained.everySplitMerges();
        List<byte[]> reversed = new ArrayList<>();
        for (int i = merges.size() - 2; i >= 0; i -= 2) {
            reversed.add(merges.get(i));
            reversed.add(merges.get(i + 1));
        }
        Path file = dir.resolve("reversed-merges.json");
        Files.writeString(file, trained.toJson(false, reversed), StandardCharsets.UTF_8);
        HuggingFaceTokenizer wrongOrder = HuggingFaceTokenizer.fromFile(file);
        SplittableRandom random = new SplittableRandom(5);
        long differing = 0;
        for (int example = 0; example < 100; example++) {
            String text = SyntheticTokenizer.blendedText(random, 1 + random.nextInt(80));
            if (wrongOrder.countTokens(text) != reference.countTokens(text)) {
                differing++;
            }
        }

        assertThat(differing).isGreaterThan(50);
    }
}
