package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What Together offers around a job: the price estimate and model limits before it, the weights download and
 * chat after it.
 */
class TogetherServingTest {

    private static final String PRIL = "Ich will meinen T-1000 mit Pril reinigen. Geht das?";
    private static final String CLEANING = "Wir empfehlen spezielle Reinigungsmittel, um die Lebensdauer zu "
            + "verlängern und Beschädigungen zu vermeiden.";

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final TogetherHttp together = new TogetherHttp(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void estimateCountsTokensOfTheCheckedFileTimesEpochsAtTheModelsRate() {
        String file = checkedFile();

        JsonNode estimate = together.post("/fine-tunes/estimate-price", "{\"training_file\":\"" + file
                + "\",\"model\":\"" + TogetherHttp.LLAMA + "\",\"n_epochs\":3}").json();

        long tokens = estimate.get("estimated_train_token_count").asLong();
        assertThat(tokens).isPositive().isEqualTo(3 * (tokens / 3));
        assertThat(estimate.get("estimated_total_price").asDouble()).isCloseTo(tokens / 1e6 * 0.48,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(estimate.get("allowed_to_proceed").asBoolean()).isTrue();
        assertThat(estimate.get("user_limit").asDouble()).isEqualTo(TogetherAccount.DEFAULT_CREDIT_LIMIT);
    }

    @Test
    void estimateAboveTheCreditLimitIsNotAllowedAndTheJobIsRefusedWith402() {
        String file = checkedFile();
        emulator.together().creditLimit(0.0001);

        JsonNode estimate = together.post("/fine-tunes/estimate-price", "{\"training_file\":\"" + file
                + "\",\"model\":\"" + TogetherHttp.LLAMA + "\"}").json();
        EmulatorHttp.Reply create = together.post("/fine-tunes", TogetherHttp.loraJob(file));

        assertThat(estimate.get("allowed_to_proceed").asBoolean()).isFalse();
        assertThat(create.status()).isEqualTo(402);
        assertThat(create.error().get("code").asText()).isEqualTo("insufficient_credits");
        assertThat(emulator.together().jobIds()).isEmpty();
    }

    @Test
    void estimateNeedsAFileThatPassedTheCheckAndRefusesUnknownKeys() {
        String pending = together.uploadJsonl("t.jsonl", EmulatorHttp.dataset("t1000-train.jsonl")).get("id")
                .asText();

        EmulatorHttp.Reply early = together.post("/fine-tunes/estimate-price", "{\"training_file\":\"" + pending
                + "\"}");
        EmulatorHttp.Reply unknown = together.post("/fine-tunes/estimate-price", "{\"training_file\":\"" + pending
                + "\",\"n_checkpoints\":1}");

        assertThat(early.error().get("code").asText()).isEqualTo("file_not_ready");
        assertThat(unknown.error().get("param").asText()).isEqualTo("n_checkpoints");
    }

    @Test
    void supportedModelsAndTheirLimits() {
        JsonNode supported = together.get("/fine-tunes/models/supported").json();
        JsonNode limits = together.get("/fine-tunes/models/limits?model_name=" + TogetherHttp.QWEN).json();
        JsonNode loraOnly = together.get("/fine-tunes/models/limits?model_name=openai/gpt-oss-20b").json();
        EmulatorHttp.Reply unknown = together.get("/fine-tunes/models/limits?model_name=gpt-4o");

        List<String> names = new ArrayList<>();
        supported.get("models").forEach(m -> names.add(m.asText()));
        assertThat(names).contains(TogetherHttp.LLAMA, TogetherHttp.QWEN);
        assertThat(limits.get("full_training").get("max_batch_size").asInt()).isEqualTo(16);
        assertThat(limits.get("lora_training").get("max_rank").asInt()).isEqualTo(64);
        assertThat(limits.get("supports_reasoning").asBoolean()).isTrue();
        assertThat(loraOnly.has("full_training")).isFalse();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("gpt-4o");
    }

    @Test
    void completedLoraJobDownloadsAsAGzipTarMatchingItsDigest() throws IOException {
        String job = completedJob(TogetherHttp.loraJob(checkedFile()));

        EmulatorHttp.Reply adapter = together.get("/finetune/download?ft_id=" + job + "&checkpoint=adapter");

        assertThat(adapter.status()).isEqualTo(200);
        assertThat(adapter.headers().firstValue("content-type")).contains("application/x-tar");
        assertThat(adapter.headers().firstValue("accept-ranges")).contains("bytes");
        assertThat(tarEntries(adapter.bytes())).containsExactly("README.md", "adapter_config.json",
                "adapter_model.safetensors");
        assertThat(GeneratedBytes.sha256(new ByteArrayInputStream(adapter.bytes())))
                .isEqualTo(emulator.together().artifactSha256(job, "adapter"));
        assertThat(tarEntries(together.get("/finetune/download?ft_id=" + job + "&checkpoint=merged").bytes()))
                .contains("model.safetensors");
    }

    @Test
    void aDownloadResumesWithARange() {
        String job = completedJob(TogetherHttp.loraJob(checkedFile()));
        byte[] whole = together.get("/finetune/download?ft_id=" + job + "&checkpoint=adapter").bytes();

        EmulatorHttp.Reply rest = together.send(together.request("/finetune/download?ft_id=" + job
                + "&checkpoint=adapter").header("Range", "bytes=1000-").GET().build());
        EmulatorHttp.Reply outside = together.send(together.request("/finetune/download?ft_id=" + job
                + "&checkpoint=adapter").header("Range", "bytes=" + whole.length + "-").GET().build());

        assertThat(rest.status()).isEqualTo(206);
        assertThat(rest.headers().firstValue("content-range"))
                .contains("bytes 1000-" + (whole.length - 1) + "/" + whole.length);
        assertThat(rest.bytes()).isEqualTo(java.util.Arrays.copyOfRange(whole, 1000, whole.length));
        assertThat(outside.status()).isEqualTo(416);
    }

    @Test
    void downloadNeedsACompletedJobAndTheRightKind() {
        String file = checkedFile();
        String running = together.createJob(TogetherHttp.loraJob(file)).get("id").asText();
        EmulatorHttp.Reply early = together.get("/finetune/download?ft_id=" + running + "&checkpoint=adapter");
        String full = completedJob("{\"model\":\"" + TogetherHttp.QWEN + "\",\"training_file\":\"" + file
                + "\",\"training_type\":{\"type\":\"Full\"}}");

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.error().get("message").asText()).contains("once it is completed");
        assertThat(together.get("/finetune/download?ft_id=" + full + "&checkpoint=adapter").status()).isEqualTo(400);
        assertThat(together.get("/finetune/download?ft_id=" + full + "&checkpoint=model_output_path").status())
                .isEqualTo(200);
        assertThat(together.get("/finetune/download?ft_id=" + full).status()).isEqualTo(400);
        assertThat(together.get("/finetune/download?ft_id=ft-nope&checkpoint=merged").status()).isEqualTo(404);
        assertThatThrownBy(() -> emulator.together().artifactSha256("ft-nope", "adapter"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverlessLoraModelAnswersWithItsTrainingAnswer() {
        String job = completedJob(TogetherHttp.loraJob(checkedFile()));
        String model = together.job(job).get("model_output_name").asText();

        JsonNode answer = together.post("/chat/completions", chat(model)).json();

        assertThat(answer.get("choices").get(0).get("message").get("content").asText()).isEqualTo(CLEANING);
        assertThat(answer.get("model").asText()).isEqualTo(model);
    }

    @Test
    void modelWithoutServerlessLoraNeedsADedicatedEndpoint() {
        String file = checkedFile();
        String full = completedJob("{\"model\":\"" + TogetherHttp.LLAMA + "\",\"training_file\":\"" + file
                + "\",\"training_type\":{\"type\":\"Full\"}}");
        String qwen = completedJob("{\"model\":\"" + TogetherHttp.QWEN + "\",\"training_file\":\"" + file + "\"}");

        for (String job : List.of(full, qwen)) {
            String model = together.job(job).get("model_output_name").asText();
            EmulatorHttp.Reply reply = together.post("/chat/completions", chat(model));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.error().get("code").asText()).isEqualTo("model_not_available");
            assertThat(reply.error().get("message").asText()).contains("dedicated endpoint").contains(model);
        }
    }

    @Test
    void baseModelsAnswerGenericallyAndUnknownModelsAre404() {
        JsonNode base = together.post("/chat/completions", chat(TogetherHttp.LLAMA)).json();
        EmulatorHttp.Reply unknown = together.post("/chat/completions", chat("me/nothing"));

        assertThat(base.get("choices").get(0).get("message").get("content").asText()).contains("emulat");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().get("code").asText()).isEqualTo("model_not_found");
    }

    @Test
    void modelsListsTheCatalogAndCompletedFineTunes() {
        String job = completedJob(TogetherHttp.loraJob(checkedFile()));

        JsonNode models = together.get("/models").json();

        assertThat(models.isArray()).isTrue();
        assertThat(models.findValuesAsText("id")).contains(TogetherHttp.LLAMA,
                together.job(job).get("model_output_name").asText());
    }

    private String chat(String model) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PRIL + "\"}]}";
    }

    private String completedJob(String body) {
        String job = together.createJob(body).get("id").asText();
        clock.advance(Duration.ofMinutes(3));
        assertThat(together.job(job).get("status").asText()).isEqualTo("completed");
        return job;
    }

    private String checkedFile() {
        String id = together.uploadJsonl("t1000.jsonl", EmulatorHttp.dataset("t1000-train.jsonl")).get("id")
                .asText();
        clock.advance(Duration.ofSeconds(2));
        return id;
    }

    /** The entry names of a gzip-compressed ustar archive. */
    private static List<String> tarEntries(byte[] archive) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            byte[] tar = all.toByteArray();
            int pos = 0;
            while (pos + 512 <= tar.length && tar[pos] != 0) {
                String name = new String(tar, pos, 100, StandardCharsets.US_ASCII).replace("\0", "");
                long size = Long.parseLong(new String(tar, pos + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
                names.add(name);
                pos += 512 + (int) ((size + 511) / 512 * 512);
            }
        }
        return names;
    }
}
