package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.FineTuneMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Random and mutated input never makes the pre-flight throw or hang: it always returns a report. */
class FuzzTest {
    private static final byte[] ALPHABET = "{}[]\":,\\ \n\r\tnulltruefalse0123456789.eE+-abc\u00fc".getBytes(
            StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private ValidationReport validate(Path file, FineTuneMethod method) {
        ValidationOptions options = ValidationOptions.builder().baseModel("gpt-4o-mini").method(method)
                .maxLineBytes(4096).maxNestingDepth(16).build();
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Dataset.fromJsonl(file).validate(options));
    }

    @Test
    void randomBytesGiveAReport() throws Exception {
        Random random = new Random(20261122L);
        for (int round = 0; round < 40; round++) {
            byte[] bytes = new byte[random.nextInt(20_000)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(3) == 0 ? (byte) random.nextInt(256)
                        : ALPHABET[random.nextInt(ALPHABET.length)];
            }
            Path file = Files.write(dir.resolve("random-" + round + ".jsonl"), bytes);

            ValidationReport report = validate(file, round % 2 == 0 ? FineTuneMethod.SUPERVISED : FineTuneMethod.DPO);

            assertThat(report.bytes()).isEqualTo(bytes.length);
        }
    }

    @Test
    void mutatedValidLinesGiveAReport() throws Exception {
        String valid = "{\"messages\":[{\"role\":\"system\",\"content\":\"Sei nett.\"},{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"Wetter?\"}]},{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"w\",\"arguments\":\"{}\"}}]},{\"role\":\"tool\","
                + "\"tool_call_id\":\"c1\",\"content\":\"21\"},"
                + "{\"role\":\"assistant\",\"content\":\"21 °C\",\"weight\":1}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"w\"}}]}";
        String dpo = "{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]},\"preferred_output\":"
                + "[{\"role\":\"assistant\",\"content\":\"Hallo!\"}],\"non_preferred_output\":[{\"role\":\"assistant\","
                + "\"content\":\"Was?\"}]}";
        Random random = new Random(7);
        for (int round = 0; round < 30; round++) {
            StringBuilder file = new StringBuilder();
            for (int line = 0; line < 50; line++) {
                StringBuilder s = new StringBuilder(random.nextBoolean() ? valid : dpo);
                for (int k = random.nextInt(4); k > 0; k--) {
                    int at = random.nextInt(s.length());
                    switch (random.nextInt(3)) {
                        case 0:
                            s.deleteCharAt(at);
                            break;
                        case 1:
                            s.insert(at, (char) ALPHABET[random.nextInt(ALPHABET.length)]);
                            break;
                        default:
                            s.setCharAt(at, (char) ALPHABET[random.nextInt(ALPHABET.length)]);
                    }
                }
                file.append(s).append('\n');
            }
            Path path = Files.writeString(dir.resolve("mutated-" + round + ".jsonl"), file);

            ValidationReport report = validate(path, round % 2 == 0 ? FineTuneMethod.SUPERVISED : FineTuneMethod.DPO);

            assertThat(report.count("line_check_failed")).as(report.toText()).isZero();
        }
    }
}
