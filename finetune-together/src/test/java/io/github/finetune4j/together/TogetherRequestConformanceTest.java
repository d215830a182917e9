package io.github.finetune4j.together;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.MultipartForm;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import io.github.finetune4j.testsupport.SpecSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.github.finetune4j.together.TogetherTestClients.LLAMA;
import static io.github.finetune4j.together.TogetherTestClients.t1000;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every request the provider sends, in a run that uses every operation and option, checked against
 * {@code together-finetuning-openapi.yaml}: its path and method are an operation of the spec, its query parameters
 * are the operation's, a JSON body validates against the operation's request schema, a multipart body has exactly
 * the form's fields (the required ones included), and an operation without a request body gets none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TogetherRequestConformanceTest {
    /**
     * The spec's own contradiction: cosine {@code lr_scheduler_args} with both keys (which its cosine schema
     * requires) also match the linear schema, which does not forbid extra keys, so {@code oneOf} fails. It is what the
     * service and the official SDKs send.
     */
    private static final String COSINE_ARGS_QUIRK = "$.lr_scheduler.lr_scheduler_args: does not match exactly one"
            + " of oneOf";

    private final SpecSchemas spec = SpecSchemas.loadYaml("together-finetuning-openapi.yaml");
    private final ObjectMapper json = new ObjectMapper();
    private final TogetherTestClients.Recorder recorder = new TogetherTestClients.Recorder();
    private FineTuningEmulator emulator;
    private FineTuneClient client;
    private List<HttpCall> calls;
    private Path dir;

    @BeforeAll
    void useEveryOperation(@TempDir Path downloads) {
        dir = downloads;
        emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(500)).start();
        client = TogetherTestClients.recording(emulator, recorder);
        assertTimeoutPreemptively(Duration.ofSeconds(60), this::run);
        calls = recorder.transport().calls();
    }

    private void run() {
        TogetherAi together = client.extension(TogetherAi.class);
        FineTuneJob lora = client.start(FineTuneRequest.builder().baseModel(LLAMA).trainingData(t1000())
                .validationData(t1000()).suffix("t1000").seed(7)
                .hyperparameters(Hyperparameters.builder().epochs(2).batchSize(8).build())
                .providerOptions(TogetherTraining.builder().lora(8, 16).loraDropout(0.05)
                        .loraTrainableModules("q_proj,v_proj").checkpoints(2).evaluations(1).learningRate(1e-4)
                        .cosineScheduler(0.1, 0.5).warmupRatio(0.05).maxGradNorm(1.0).weightDecay(0.01)
                        .trainOnInputs(false).pushToHub("acme/t1000-llama", ApiKey.of("hf_conformance_token"))
                        .build())
                .build());
        JobSnapshot done = lora.awaitCompletion();
        lora.events().stream().count();
        lora.checkpoints().stream().count();
        together.metrics(done.id());
        together.downloadWeights(done.id(), WeightKind.ADAPTER, dir.resolve("adapter.tar.gz"), DownloadProgress.NONE);
        together.downloadCheckpoint(done.id(), lora.checkpoints().stream().mapToLong(c -> c.stepNumber()).min()
                .orElseThrow(), dir.resolve("step.tar.gz"), DownloadProgress.NONE);
        client.model(done).chat("Geht Pril?");
        client.start(FineTuneRequest.builder().baseModel(LLAMA).trainingFile(done.trainingFile()).suffix("linear")
                .providerOptions(TogetherTraining.builder().fullTraining().linearScheduler(0.0)
                        .fromCheckpoint(done.id().value()).build()).build()).cancel();
        io.github.finetune4j.core.Dataset.Builder preferences = io.github.finetune4j.core.Dataset.builder()
                .name("prefs");
        for (int i = 0; i < 10; i++) {
            preferences.preference("Geht Pril " + i + "?", "Nein, bitte Spezialreiniger " + i + ".", "Ja, klar.");
        }
        client.start(FineTuneRequest.builder().baseModel(LLAMA).trainingData(preferences.build())
                .method(FineTuneMethod.DPO).hyperparameters(Hyperparameters.builder().beta(0.2).batchSizeAuto()
                        .build())
                .providerOptions(TogetherTraining.builder().fromHubModel("acme/llama-start", "main")
                        .hubToken(ApiKey.of("hf_conformance_token")).build()).build());
        together.estimatePrice(FineTuneRequest.builder().baseModel(LLAMA).trainingFile(done.trainingFile())
                .validationFile(done.validationFile().orElseThrow()).providerOptions(TogetherTraining.builder()
                        .evaluations(2).fullTraining().build()).build());
        together.supportedModels();
        FileInfo file = client.listFiles().stream().findFirst().orElseThrow();
        client.getFile(file.id());
        client.fileContent(file.id());
        client.listJobs(PageRequest.first()).stream().count();
        together.deleteJob(done.id());
        client.deleteFile(file.id());
    }

    @AfterAll
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void theRunUsedEveryOperationOfTheSpecSubsetButModelsAndSignedUploads() {
        Set<String> used = calls.stream().map(c -> c.method().toLowerCase() + " " + template(c).orElse("?"))
                .collect(Collectors.toSet());

        assertThat(used).containsExactlyInAnyOrder("post /files/upload", "get /files", "get /files/{id}",
                "get /files/{id}/content", "delete /files/{id}", "post /fine-tunes", "get /fine-tunes",
                "get /fine-tunes/{id}", "post /fine-tunes/{id}/cancel", "get /fine-tunes/{id}/events",
                "get /fine-tunes/{id}/checkpoints", "get /fine-tunes/{id}/metrics", "post /fine-tunes/estimate-price",
                "get /fine-tunes/models/supported", "get /finetune/download", "delete /fine-tunes/{id}",
                "post /chat/completions");
    }

    @Test
    void everyRequestIsAnOperationOfTheSpecWithItsParameters() {
        for (HttpCall call : calls) {
            Optional<String> template = template(call);
            assertThat(template).as("%s is a path of the spec", call).isPresent();
            JsonNode operation = spec.operation(template.get(), call.method().toLowerCase());
            assertThat(operation.isMissingNode()).as("%s %s is an operation of the spec", call.method(),
                    template.get()).isFalse();
            Set<String> declared = new java.util.HashSet<>();
            operation.path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asText())) {
                    declared.add(p.path("name").asText());
                }
            });
            assertThat(query(call.uri()).keySet()).as("query of %s", call).isSubsetOf(declared);
        }
    }

    @Test
    void everyJsonBodyValidatesAgainstItsRequestSchema() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (HttpCall call : calls) {
            if (call.body().isEmpty() || call.body().form().isPresent()) {
                continue;
            }
            String template = template(call).orElseThrow();
            JsonNode body = json.readTree(call.body().bytes().orElseThrow());
            List<String> errors = new ArrayList<>(spec.validate(body, spec.requestSchema(template,
                    call.method().toLowerCase())));
            if (isCosine(body)) {
                errors.remove(COSINE_ARGS_QUIRK);
            }
            errors.forEach(e -> problems.add(call + ": " + e + " in " + redacted(body)));
            checked++;
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("create (4), estimate (4), chat (1), metrics without a body").isGreaterThanOrEqualTo(8);
    }

    @Test
    void theOnlyToleratedDeviationIsTheSpecsCosineContradiction() throws Exception {
        HttpCall create = calls.stream().filter(c -> c.method().equals("POST") && "/fine-tunes".equals(template(c)
                .orElse(""))).findFirst().orElseThrow();
        JsonNode body = json.readTree(create.body().bytes().orElseThrow());

        assertThat(spec.validate(body, spec.requestSchema("/fine-tunes", "post"))).containsExactly(COSINE_ARGS_QUIRK);
        ObjectNode linear = body.deepCopy();
        ((ObjectNode) linear.get("lr_scheduler")).put("lr_scheduler_type", "linear");
        ((ObjectNode) linear.get("lr_scheduler").get("lr_scheduler_args")).remove("num_cycles");
        assertThat(spec.validate(linear, spec.requestSchema("/fine-tunes", "post"))).isEmpty();
    }

    @Test
    void multipartUploadsHaveExactlyTheFormsFields() {
        JsonNode schema = spec.operation("/files/upload", "post").path("requestBody").path("content")
                .path("multipart/form-data").path("schema");
        List<MultipartForm> forms = calls.stream().filter(c -> c.body().form().isPresent())
                .map(c -> c.body().form().get()).toList();

        assertThat(forms).isNotEmpty().allSatisfy(form -> {
            List<String> names = form.parts().stream().map(MultipartForm.Part::name).toList();
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(names).isSubsetOf(properties).doesNotHaveDuplicates();
            schema.path("required").forEach(r -> assertThat(names).contains(r.asText()));
            assertThat(form.parts()).filteredOn(p -> p.name().equals("purpose")).singleElement()
                    .satisfies(p -> assertThat(p.value()).contains("fine-tune"));
            assertThat(form.parts()).filteredOn(p -> p.name().equals("file_type")).singleElement()
                    .satisfies(p -> assertThat(p.value()).contains("jsonl"));
        });
    }

    @Test
    void operationsWithoutARequestBodyGetNone() {
        for (HttpCall call : calls) {
            JsonNode operation = spec.operation(template(call).orElseThrow(), call.method().toLowerCase());
            if (operation.path("requestBody").isMissingNode()) {
                assertThat(call.body().isEmpty()).as("%s has no body", call).isTrue();
            }
        }
    }

    @Test
    void secretsTravelOnlyInTheBodyAndAreDeclared() {
        List<HttpCall> withToken = calls.stream().filter(c -> c.body().bytes().map(b -> new String(b,
                StandardCharsets.UTF_8).contains("hf_conformance_token")).orElse(false)).toList();

        assertThat(withToken).hasSize(2).allSatisfy(c -> {
            assertThat(c.secrets()).contains("hf_conformance_token");
            assertThat(c.uri().toString()).doesNotContain("hf_conformance_token");
        });
    }

    private static boolean isCosine(JsonNode body) {
        return "cosine".equals(body.path("lr_scheduler").path("lr_scheduler_type").asText());
    }

    private static String redacted(JsonNode body) {
        JsonNode copy = body.deepCopy();
        if (copy.isObject() && copy.has("hf_api_token")) {
            ((ObjectNode) copy).put("hf_api_token", "REDACTED");
        }
        return copy.toString();
    }

    /** The spec's path template of a call, literal segments preferred over parameters. */
    private Optional<String> template(HttpCall call) {
        String base = URI.create(emulator.togetherBaseUrl()).getPath();
        String path = call.uri().getPath().substring(base.length());
        return spec.paths().stream()
                .filter(t -> path.matches(t.replaceAll("\\{[^}]+}", "[^/]+")))
                .filter(t -> !spec.operation(t, call.method().toLowerCase()).isMissingNode())
                .max(Comparator.comparingInt(t -> t.replaceAll("\\{[^}]+}", "").length()));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new TreeMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1
                        ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }
}
