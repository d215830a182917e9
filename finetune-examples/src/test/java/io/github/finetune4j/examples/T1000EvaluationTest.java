package io.github.finetune4j.examples;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.eval.EvalRow;
import io.github.finetune4j.eval.EvaluationResult;
import io.github.finetune4j.eval.Scorers;
import io.github.finetune4j.openai.OpenAiFineTuning;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import io.github.finetune4j.together.TogetherAiFineTuning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class T1000EvaluationTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(200)).build()
            .start();
    private final FineTuneClient client = OpenAiFineTuning.builder().apiKey(emulator.apiKey())
            .baseUrl(emulator.baseUrl()).buildClient();

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private EvaluationResult run() {
        return assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> new T1000Evaluation(out, dir, Duration.ofMillis(20)).run(client));
    }

    private static Document parseXml(String markup) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(markup)));
    }

    @Test
    void fineTunedBotBeatsItsBaseModelAndTheReportIsWritten() throws Exception {
        EvaluationResult result = run();

        assertThat(result.rows()).hasSize(24).noneMatch(EvalRow::isError);
        double tuned = result.summary("fine-tuned").orElseThrow().score(Scorers.TOKEN_F1).mean();
        double base = result.summary("base").orElseThrow().score(Scorers.TOKEN_F1).mean();
        assertThat(tuned).isGreaterThan(base);
        assertThat(result.comparison(Scorers.TOKEN_F1, "fine-tuned", "base").orElseThrow().winRate())
                .isGreaterThan(0.5);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("Evaluating 8 held-out questions: fine-tuned vs base vs base + 4 shots")
                .contains("candidate").contains("token_f1").contains("$ / 1k req")
                .contains("Win rate by token_f1: fine-tuned vs base").contains("Report: ");
        String html = Files.readString(dir.resolve("report.html"));
        Document doc = parseXml(html);
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(4);
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
        assertThat(doc.getDocumentElement().getTextContent()).contains("Training loss", "Training token accuracy",
                "Event timeline", "Pairwise win rates", "Prompt savings", "Estimated cost", "Actual cost");
        assertThat(parseXml(Files.readString(dir.resolve("loss.svg"))).getElementsByTagName("polyline").getLength())
                .isEqualTo(1);
    }

    @Test
    void theOpenModelOnTogetherIsComparedWithTheGptModelOnTheHeldOutSet() {
        EvaluationResult result;
        try (FineTuneClient together = TogetherAiFineTuning.builder().apiKey(emulator.apiKey())
                .baseUrl(emulator.togetherBaseUrl()).buildClient()) {
            result = assertTimeoutPreemptively(Duration.ofSeconds(90),
                    () -> new T1000Evaluation(out, dir, Duration.ofMillis(20)).run(client, together));
        }

        assertThat(result.rows()).hasSize(32).noneMatch(EvalRow::isError);
        assertThat(emulator.together().jobIds()).hasSize(1);
        double open = result.summary(T1000Evaluation.TOGETHER_CANDIDATE).orElseThrow().score(Scorers.TOKEN_F1).mean();
        double base = result.summary("base").orElseThrow().score(Scorers.TOKEN_F1).mean();
        assertThat(open).isGreaterThan(base);
        assertThat(result.comparison(Scorers.TOKEN_F1, T1000Evaluation.TOGETHER_CANDIDATE, "fine-tuned"))
                .isPresent();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("Evaluating 8 held-out questions: fine-tuned vs Llama 3.1 8B fine-tuned (together) vs base "
                        + "vs base + 4 shots")
                .contains("created on together (")
                .contains(T1000Evaluation.TOGETHER_CANDIDATE);
    }

    @Test
    void theCommandRefusesToCompareARealModelWithAnEmulatedOne() {
        assertThatThrownBy(() -> T1000Evaluation.run(EnvironmentLookup.of(Map.of("OPENAI_API_KEY", "sk-test")), out,
                "--out", dir.toString(), "--together"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOGETHER_API_KEY")
                .message().doesNotContain("sk-test");
    }

    @Test
    void secondRunReusesTheTrainedJobAndTakesEveryAnswerFromTheCache() {
        run();

        EvaluationResult second = run();

        // The same program run again derives the same idempotency key: it finds the job it trained, so the
        // fine-tuned model is the same one and every answer is already in the cache.
        assertThat(second.requestsSent()).isZero();
        assertThat(second.rows()).allMatch(r -> r.origin() == io.github.finetune4j.eval.RowOrigin.CACHE);
    }
}
