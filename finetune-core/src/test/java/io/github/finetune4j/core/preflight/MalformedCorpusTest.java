package io.github.finetune4j.core.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every file in {@code fixtures/datasets} is a dataset with one kind of problem; {@code expected.csv} names the code,
 * line, field and severity each must produce.
 */
class MalformedCorpusTest {
    private static final Path DIR = dir();

    @TempDir
    Path dir;

    private static Path dir() {
        try {
            return Path.of(MalformedCorpusTest.class.getResource("/fixtures/datasets/expected.csv").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidationReport validate(Path file, FineTuneMethod method) {
        ValidationOptions options = ValidationOptions.builder().baseModel("gpt-4o-mini-2024-07-18").method(method)
                .maxLineBytes(4096).build();
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Dataset.fromJsonl(file).validate(options));
    }

    @ParameterizedTest(name = "{0} -> {2} at line {3}")
    @CsvFileSource(resources = "/fixtures/datasets/expected.csv", nullValues = "-")
    void eachMalformedFileYieldsItsCodeLineAndField(String fixture, String method, String code, long line,
                                                    String field, String severity) {
        Path file = DIR.resolve(fixture + ".jsonl");
        FineTuneMethod m = "dpo".equals(method) ? FineTuneMethod.DPO : FineTuneMethod.SUPERVISED;

        ValidationReport report = validate(file, m);

        String expectedField = field == null ? "" : field;
        assertThat(report.issues()).as(report.toText())
                .anySatisfy(i -> {
                    assertThat(i.code()).isEqualTo(code);
                    assertThat(i.line()).isEqualTo(line);
                    assertThat(i.field()).isEqualTo(expectedField);
                    assertThat(i.severity()).isEqualTo(Severity.valueOf(severity.toUpperCase(Locale.ROOT)));
                });
        assertThat(report.count(code)).isPositive();
        assertThat(report.errors()).as("no error leaks onto the valid lines around the broken one")
                .allSatisfy(i -> assertThat(i.line()).isIn(0L, line));
    }

    @Test
    void corpusHasAtLeastThirtyKindsAndEveryFileHasAnExpectation() throws IOException {
        Set<String> expected;
        try (Stream<String> lines = Files.lines(DIR.resolve("expected.csv"))) {
            expected = lines.filter(l -> !l.startsWith("#")).map(l -> l.split(",")[0]).collect(Collectors.toSet());
        }
        List<String> fixtures;
        try (Stream<Path> files = Files.list(DIR)) {
            fixtures = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
                    .map(n -> n.substring(0, n.length() - 6)).collect(Collectors.toList());
        }

        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(30).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void validLinesAroundEachBrokenLineAreCounted() {
        ValidationReport report = validate(DIR.resolve("unrecognized-role.jsonl"), FineTuneMethod.SUPERVISED);

        assertThat(report.examples()).isEqualTo(3);
        assertThat(report.tokens().perExample().count()).isEqualTo(3);
        assertThat(report.issueCounts())
                .containsOnlyKeys("unrecognized_role", "missing_user_message", "too_few_examples");
    }

    @Test
    void crlfLineEndingsAreAccepted() {
        ValidationReport report = validate(DIR.resolve("crlf-line-endings-are-fine-but-few.jsonl"),
                FineTuneMethod.SUPERVISED);

        assertThat(report.issues()).extracting(DatasetIssue::code).containsExactly("too_few_examples");
    }

    @Test
    void longRunsAreCountedExactly() throws Exception {
        Path file = DIR.resolve("long-runs.jsonl");
        Encoding jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        long expected = 0;
        for (String line : Files.readAllLines(file)) {
            JsonNode messages = new ObjectMapper().readTree(line).get("messages");
            expected += 3;
            for (JsonNode m : messages) {
                expected += 3 + jtokkit.countTokensOrdinary(m.get("role").textValue())
                        + jtokkit.countTokensOrdinary(m.get("content").textValue());
            }
        }

        ValidationReport report = validate(file, FineTuneMethod.SUPERVISED);

        assertThat(report.tokens().perExample().sum()).isEqualTo(expected);
        assertThat(report.issueCounts()).containsOnlyKeys("too_few_examples");
    }

    @Test
    void aFiveThousandDigitNumberIsReportedWithTheDigitLimit() throws Exception {
        Path file = dir.resolve("digits.jsonl");
        Files.writeString(file, "{\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"},{\"role\":\"assistant\","
                + "\"content\":\"Hallo\",\"weight\":1" + "0".repeat(4999) + "}]}\n");

        ValidationReport report = Dataset.fromJsonl(file).validate(ValidationOptions.builder()
                .baseModel("gpt-4o-mini-2024-07-18").build());

        assertThat(report.errors()).filteredOn(i -> i.code().equals("number_too_long")).singleElement()
                .satisfies(i -> assertThat(i.message()).startsWith("a number has more than 1000 digits"));
    }

    @Test
    void anEscapedUnpairedSurrogateNamesTheCharacter() {
        ValidationReport report = validate(DIR.resolve("unpaired-surrogate-escaped.jsonl"), FineTuneMethod.SUPERVISED);

        assertThat(report.errors()).filteredOn(i -> i.code().equals("unpaired_surrogate")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("unpaired UTF-16 surrogate U+D800 at character 1"));
    }
}
