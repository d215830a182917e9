package io.github.finetune4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneClientBuilder;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.JobFailedException;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.preflight.ProviderEstimate;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.Fault;
import io.github.finetune4j.testkit.FineTuningEmulator;
import io.github.finetune4j.testsupport.FastClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The T-1000 story on Together AI against the emulator's Together dialect: the offline command as the README runs it,
 * and the story on a client that {@code FineTuneClient.fromEnv()} configures from {@code TOGETHER_API_KEY} and
 * {@code TOGETHER_BASE_URL}, through rate limits, an outage on the create request and a failing job.
 */
class TogetherT1000StoryTest {
    private static final String SPECIAL_AGENTS_ANSWER =
            "Wir empfehlen spezielle Reinigungsmittel, um die Lebensdauer zu verlängern und Beschädigungen zu vermeiden.";
    private static final String HUB_TOKEN = "hf_story_test_secret_0123456789";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(500)).start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** What {@code FineTuneClient.fromEnv()} builds when only the Together variables are set. */
    private FineTuneClient fromEnv(FineTuneClientBuilder settings) {
        return settings.environment(EnvironmentLookup.of(Map.of("TOGETHER_API_KEY", emulator.apiKey(),
                "TOGETHER_BASE_URL", emulator.togetherBaseUrl()))).build();
    }

    private TogetherT1000Story.Builder story() {
        return TogetherT1000Story.builder(out).pollInterval(Duration.ofMillis(20));
    }

    private JsonNode jobOnTheEmulator(String id) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.togetherBaseUrl() + "/fine-tunes/" + id))
                .header("Authorization", "Bearer " + emulator.apiKey()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void theOfflineCommandTrainsLlamaOnTheEmulatorAndPrintsThePrilAnswer() throws Exception {
        String answer = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> TogetherT1000Story.run(
                EnvironmentLookup.of(Map.of()), out, "--download", dir.resolve("weights").toString()));

        assertThat(answer).isEqualTo(SPECIAL_AGENTS_ANSWER);
        Path adapter = dir.resolve("weights").resolve("t1000-llama-adapter.tar.zst");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                Files.readAllBytes(adapter)));
        assertThat(printed())
                .contains("Provider: together on the embedded emulator at http://127.0.0.1:")
                .contains("Token counts: APPROXIMATE, with cl100k_base")
                .contains("--tokenizer <the tokenizer.json of meta-llama/Llama-3.1-8B-Instruct>")
                .contains("Hub push: finetune4j-examples/t1000-llama-3.1-8b-lora (offline")
                .contains("Training data: 12 examples, base model meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")
                .contains("cl100k_base").contains("llama-3")
                .containsPattern("together estimates \\$[0-9]+\\.[0-9]{2,6} \\([0-9,]+ training tokens; within the "
                        + "credit limit of \\$100\\.00\\)")
                .contains("created on together (")
                .contains("-> completed")
                .contains("Fine-tuned model: ").contains("/Meta-Llama-3.1-8B-Instruct-Reference-t1000-")
                .contains("LoRA adapter pushed to https://huggingface.co/finetune4j-examples/t1000-llama-3.1-8b-lora")
                .contains("Adapter: " + adapter + " (" + Files.size(adapter) + " bytes, SHA-256 " + sha256 + ")")
                .contains("Frage:   " + T1000Data.PRIL_QUESTION)
                .contains("Antwort: " + SPECIAL_AGENTS_ANSWER)
                .doesNotContain("hf_offline_stand_in");
    }

    @Test
    void aTokenizerFileGivenOnTheCommandLineIsUsedAndCheckedAgainstTheModel() {
        // Any byte-level BPE tokenizer.json shows the wiring; the repository ships Qwen3's (Apache-2.0), not Llama's,
        // and the pre-flight notices that it is not the model's.
        Path file = Path.of("..", "finetune-core", "src", "test", "resources", "tokenizers", "qwen3", "tokenizer.json");
        assertThat(file).isRegularFile();

        String answer = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> TogetherT1000Story.run(
                EnvironmentLookup.of(Map.of()), out, "--tokenizer", file.toString()));

        assertThat(answer).isEqualTo(SPECIAL_AGENTS_ANSWER);
        assertThat(printed()).contains("Token counts: with " + file + " (SHA-256 ")
                .contains("Tokens (" + file + ", approximate, llama_3 template)")
                .contains("tokenizer_template_mismatch").contains("<|start_header_id|>");
    }

    @Test
    void fromEnvWithTheTogetherKeyRunsTheStoryAndPushesToTheHubWithTheTokenKeptSecret() throws Exception {
        try (FineTuneClient client = fromEnv(FineTuneClient.builder().defaultWaitOptions(
                WaitOptions.builder().fixedInterval(Duration.ofMillis(20)).build()))) {
            String answer = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> story()
                    .pushToHub("acme/t1000-llama-lora", ApiKey.of(HUB_TOKEN)).build().run(client));

            assertThat(client.providerId()).isEqualTo("together");
            assertThat(answer).isEqualTo(SPECIAL_AGENTS_ANSWER);
            assertThat(emulator.together().jobIds()).hasSize(1);
            JsonNode job = jobOnTheEmulator(emulator.together().jobIds().get(0));
            assertThat(job.get("model").asText()).isEqualTo(TogetherT1000Story.BASE_MODEL);
            assertThat(job.get("hf_output_repo_name").asText()).isEqualTo("acme/t1000-llama-lora");
            assertThat(job.toString()).doesNotContain(HUB_TOKEN);
            assertThat(printed()).contains("LoRA adapter pushed to https://huggingface.co/acme/t1000-llama-lora")
                    .doesNotContain(HUB_TOKEN);
        }
    }

    @Test
    void rateLimitsAndAnOutageOnTheCreateRequestNeitherFailTheStoryNorMakeASecondJob() {
        List<JobSnapshot> created = new ArrayList<>();
        JobListener faultsAtTheCreate = new JobListener() {
            @Override
            public void onProviderEstimate(ProviderEstimate estimate) {
                // the next request is the create: it is rate limited twice, then answered with 503, which leaves the
                // client unsure whether the job exists: it must look for it, find none and send the create once more
                emulator.faults().inject(Fault.rateLimit(Duration.ofMillis(10)).onMethod("POST")
                        .onPath("/fine-tunes").times(2));
                emulator.faults().inject(Fault.serviceUnavailable().onMethod("POST").onPath("/fine-tunes").times(1));
            }

            @Override
            public void onJobCreated(JobSnapshot job) {
                created.add(job);
            }
        };
        emulator.faults().inject(Fault.rateLimit(Duration.ofMillis(10)).times(2));     // the upload, the file check
        try (FineTuneClient client = fromEnv(FineTuneClient.builder().clock(new FastClock(20))
                .requestTimeout(Duration.ofMillis(400))
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)))
                .defaultWaitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(20)).build()))) {
            String answer = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> story()
                    .startListener(faultsAtTheCreate).build().run(client));

            assertThat(answer).isEqualTo(SPECIAL_AGENTS_ANSWER);
        }
        assertThat(emulator.faults().pending()).as("every injected fault was met").isZero();
        assertThat(emulator.together().jobIds()).hasSize(1);
        assertThat(created).singleElement()
                .satisfies(j -> assertThat(j.id().value()).isEqualTo(emulator.together().jobIds().get(0)));
        assertThat(emulator.recordedRequests().stream().filter(r -> r.method().equals("POST")
                && r.path().endsWith("/fine-tunes")).count()).as("429, 429, 503, then once more").isEqualTo(4);
    }

    @Test
    void aFailingJobSurfacesTogethersReasonAndSaysWhatARunAgainDoes() {
        emulator.faults().failNextJob(3, "server_error", "The job failed due to an internal error.");
        try (FineTuneClient client = fromEnv(FineTuneClient.builder().defaultWaitOptions(
                WaitOptions.builder().fixedInterval(Duration.ofMillis(20)).build()))) {
            Throwable thrown = catchThrowable(() -> assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> story().build().run(client)));

            assertThat(thrown).isInstanceOfSatisfying(JobFailedException.class, e -> {
                assertThat(e.snapshot().rawStatus()).isEqualTo("error");
                assertThat(e.getMessage()).contains("The job failed due to an internal error.");
            });
            assertThat(printed()).contains("Training failed: ").contains("Together refunds failed jobs")
                    .contains("change the data or the seed to train anew").doesNotContain("Antwort:");
        }
    }

    @Test
    void runAgainTheStoryFindsTheJobOfTheFirstRunInsteadOfPayingForAnother() {
        try (FineTuneClient client = fromEnv(FineTuneClient.builder().defaultWaitOptions(
                WaitOptions.builder().fixedInterval(Duration.ofMillis(20)).build()))) {
            String first = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> story().build().run(client));

            String again = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> story().build().run(client));

            assertThat(again).isEqualTo(first).isEqualTo(SPECIAL_AGENTS_ANSWER);
            assertThat(emulator.together().jobIds()).hasSize(1);
            assertThat(emulator.together().fileIds()).as("the data is not uploaded twice").hasSize(1);
        }
    }
}
