package io.github.finetune4j.core.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedactionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path withPersonalData() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(PreflightTestData.line(i, "Frage " + i));
        }
        lines.set(2, PreflightTestData.line(2, "Ich bin erika@example.de, Tel. +49 30 1234567"));
        lines.set(7, "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"IBAN DE89 3704 0044"
                + " 0532 0130 00\"}]},{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"pay\",\"arguments\":\"{\\\"card\\\":\\\"4111 1111 1111 1111\\\"}\"}}]}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"pay\"}}]}");
        return PreflightTestData.write(dir, "pii.jsonl", lines);
    }

    @Test
    void warnPolicyReportsFindingsWithLineFieldAndMaskedExcerpt() throws Exception {
        ValidationReport report = Dataset.fromJsonl(withPersonalData()).validate(PreflightTestData.options().build());

        assertThat(report.piiCounts()).containsEntry(PiiKind.EMAIL, 1L).containsEntry(PiiKind.PHONE, 1L)
                .containsEntry(PiiKind.IBAN, 1L).containsEntry(PiiKind.PAYMENT_CARD, 1L);
        assertThat(report.piiFindings()).extracting(PiiFinding::line, PiiFinding::field, PiiFinding::kind,
                PiiFinding::maskedExcerpt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "messages[1].content", PiiKind.EMAIL, "e***@***.de"),
                org.assertj.core.groups.Tuple.tuple(3L, "messages[1].content", PiiKind.PHONE, "+49 *** 67"),
                org.assertj.core.groups.Tuple.tuple(8L, "messages[0].content[0].text", PiiKind.IBAN, "DE** *** 00"),
                org.assertj.core.groups.Tuple.tuple(8L, "messages[1].tool_calls[0].function.arguments",
                        PiiKind.PAYMENT_CARD, "**** **** **** 1111"));
        assertThat(report.issues()).filteredOn(i -> i.code().startsWith("pii_"))
                .allSatisfy(i -> assertThat(i.severity()).isEqualTo(Severity.WARNING));
        assertThat(report.toText() + report.toJson() + report).doesNotContain("erika@example.de")
                .doesNotContain("1234567").doesNotContain("0532").doesNotContain("4111 1111");
    }

    @Test
    void failPolicyMakesFindingsErrors() throws Exception {
        ValidationReport report = Dataset.fromJsonl(withPersonalData())
                .validate(PreflightTestData.options().piiPolicy(PiiPolicy.FAIL).build());

        assertThat(report.hasErrors()).isTrue();
        assertThat(report.errors()).extracting(i -> i.code()).contains("pii_email", "pii_phone", "pii_iban",
                "pii_payment_card");
    }

    @Test
    void ignorePolicyDoesNotScan() throws Exception {
        ValidationReport report = Dataset.fromJsonl(withPersonalData())
                .validate(PreflightTestData.options().piiPolicy(PiiPolicy.IGNORE).build());

        assertThat(report.piiFindings()).isEmpty();
        assertThat(report.piiCounts()).isEmpty();
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void redactPolicyWritesACopyWithPlaceholdersAndEveryOtherLineUnchanged() throws Exception {
        Path source = withPersonalData();
        Path copy = dir.resolve("out/redacted.jsonl");

        ValidationReport report = Dataset.fromJsonl(source).validate(PreflightTestData.options()
                .piiPolicy(PiiPolicy.REDACT).redactedCopy(copy).build());

        List<String> original = Files.readAllLines(source, StandardCharsets.UTF_8);
        List<String> redacted = Files.readAllLines(copy, StandardCharsets.UTF_8);
        assertThat(report.redactedCopy()).contains(copy);
        assertThat(redacted).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            if (i != 2 && i != 7) {
                assertThat(redacted.get(i)).isEqualTo(original.get(i));
            }
        }
        JsonNode line3 = JSON.readTree(redacted.get(2));
        assertThat(line3.at("/messages/1/content").textValue()).isEqualTo("Ich bin [EMAIL], Tel. [PHONE]");
        JsonNode line8 = JSON.readTree(redacted.get(7));
        assertThat(line8.at("/messages/0/content/0/text").textValue()).isEqualTo("IBAN [IBAN]");
        assertThat(line8.at("/messages/1/tool_calls/0/function/arguments").textValue())
                .isEqualTo("{\"card\":\"[PAYMENT_CARD]\"}");
        ValidationReport again = Dataset.fromJsonl(copy).validate(PreflightTestData.options().build());
        assertThat(again.piiFindings()).isEmpty();
        assertThat(again.hasErrors()).isFalse();
        try (var files = Files.list(copy.getParent())) {
            assertThat(files).containsExactly(copy);
        }
    }

    @Test
    void redactRequiresATargetAndATargetRequiresRedact() {
        assertThatThrownBy(() -> PreflightTestData.options().piiPolicy(PiiPolicy.REDACT).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PreflightTestData.options().redactedCopy(dir.resolve("x")).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLineWithAnUnpairedSurrogateIsRedactedAndKeepsTheSurrogateAsAnEscape() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(PreflightTestData.line(i, i == 4 ? "Mail erika@example.de \\ud800 kaputt" : "Frage " + i));
        }
        Path source = PreflightTestData.write(dir, "surrogate.jsonl", lines);
        Path copy = dir.resolve("redacted.jsonl");

        ValidationReport report = Dataset.fromJsonl(source).validate(PreflightTestData.options()
                .piiPolicy(PiiPolicy.REDACT).redactedCopy(copy).build());

        assertThat(report.errors()).extracting(i -> i.code()).containsExactly("unpaired_surrogate");
        String line5 = Files.readAllLines(copy, StandardCharsets.UTF_8).get(4);
        assertThat(line5).containsIgnoringCase("Mail [EMAIL] \\ud800 kaputt").doesNotContain("erika");
    }
}
