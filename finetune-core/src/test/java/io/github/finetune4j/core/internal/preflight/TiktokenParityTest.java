package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.internal.tokenizer.TiktokenCounter;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.preflight.TokenEncoding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jtokkit equals real tiktoken on multilingual data: {@code tiktoken-parity.jsonl} holds examples from the
 * benchmark's corpus generator (German, English, umlauts, emoji, code) plus hard cases (CJK, Arabic, combining
 * marks, ZWJ emoji sequences, long runs, contractions, whitespace); {@code tiktoken-parity-counts.tsv} holds each
 * example's cookbook total and assistant tokens as computed by tiktoken 1.0.22 (the WASM build of OpenAI's Rust
 * tiktoken) for both encodings.
 */
class TiktokenParityTest {
    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void everyExampleCountsExactlyAsTiktokenDoes(TokenEncoding encoding) throws Exception {
        Path dir = Path.of(getClass().getResource("/testdata/tiktoken-parity.jsonl").toURI()).getParent();
        List<String> lines = Files.readAllLines(dir.resolve("tiktoken-parity.jsonl"), StandardCharsets.UTF_8);
        List<String> expected = Files.readAllLines(dir.resolve("tiktoken-parity-counts.tsv"), StandardCharsets.UTF_8);
        LineChecker checker = new LineChecker("parity", FineTuneMethod.SUPERVISED,
                new TextAnalyzer(TiktokenCounter.of(encoding), true), new JsonReaders(64, 1 << 20), Severity.ERROR,
                Severity.WARNING, false, 1 << 20);
        int column = encoding == TokenEncoding.CL100K_BASE ? 1 : 3;

        assertThat(lines).hasSize(expected.size() - 1).hasSizeGreaterThan(100);
        for (int i = 0; i < lines.size(); i++) {
            String[] row = expected.get(i + 1).split("\t");
            byte[] b = lines.get(i).getBytes(StandardCharsets.UTF_8);
            LineResult r = checker.check(b, 0, b.length, i + 1);
            assertThat(r.tokens).as("line %d total", i + 1).isEqualTo(Integer.parseInt(row[column]));
            assertThat(r.assistantTokens).as("line %d assistant", i + 1).isEqualTo(Integer.parseInt(row[column + 1]));
        }
    }
}
