package io.github.finetune4j.testkit;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.FineTuningJobEvent;
import com.openai.models.finetuning.jobs.JobCreateParams;
import com.openai.models.finetuning.jobs.checkpoints.FineTuningJobCheckpoint;
import com.openai.models.models.Model;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official OpenAI Java SDK (com.openai:openai-java, test scope) runs the whole fine-tuning flow against the
 * emulator, unmodified, with strict response validation. The emulator's clock is manual: each poll moves it 15
 * seconds, so the test is deterministic and needs no sleeping.
 */
class OpenAiJavaCompatibilityTest {

    private static final String SYSTEM =
            "Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.";
    private static final String PRIL = "Ich will meinen T-1000 mit Pril reinigen. Geht das?";
    private static final Duration POLL_STEP = Duration.ofSeconds(15);
    private static final int MAX_POLLS = 40;

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final OpenAIClient client = OpenAIOkHttpClient.builder()
            .baseUrl(emulator.baseUrl())
            .apiKey(emulator.apiKey())
            .responseValidation(true)
            .timeout(Duration.ofSeconds(10))
            .build();

    @TempDir
    Path tempDir;

    @AfterEach
    void close() {
        client.close();
        emulator.close();
    }

    @Test
    void officialClientRunsTheWholeFineTuningFlow() throws IOException {
        Path training = tempDir.resolve("t1000-train.jsonl");
        Files.write(training, EmulatorHttp.dataset("t1000-train.jsonl"));

        FileObject uploaded = client.files().create(FileCreateParams.builder()
                .file(training).purpose(FilePurpose.FINE_TUNE).build());
        assertThat(uploaded.id()).startsWith("file-");
        assertThat(uploaded.filename()).isEqualTo("t1000-train.jsonl");
        assertThat(uploaded.purpose()).isEqualTo(FileObject.Purpose.FINE_TUNE);

        FineTuningJob created = client.fineTuning().jobs().create(JobCreateParams.builder()
                .model("gpt-4o-mini-2024-07-18").trainingFile(uploaded.id()).suffix("t1000").seed(42L).build());
        assertThat(created.status()).isEqualTo(FineTuningJob.Status.VALIDATING_FILES);

        FineTuningJob done = pollUntilFinished(created.id());
        assertThat(done.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);
        String model = done.fineTunedModel().orElseThrow();
        assertThat(model).startsWith("ft:gpt-4o-mini-2024-07-18:emulator:t1000:");
        assertThat(done.trainedTokens()).hasValueSatisfying(t -> assertThat(t).isPositive());

        List<FineTuningJobEvent> events = client.fineTuning().jobs().listEvents(done.id()).autoPager().stream()
                .collect(Collectors.toList());
        assertThat(events.get(0).message()).isEqualTo("The job has successfully completed");
        assertThat(events.get(events.size() - 1).message()).isEqualTo("Created fine-tuning job: " + done.id());
        assertThat(events.stream().filter(e -> e.type().orElseThrow().equals(FineTuningJobEvent.Type.METRICS)))
                .hasSize(96);

        List<FineTuningJobCheckpoint> checkpoints = client.fineTuning().jobs().checkpoints().list(done.id())
                .autoPager().stream().collect(Collectors.toList());
        assertThat(checkpoints).extracting(FineTuningJobCheckpoint::stepNumber).containsExactly(96L, 84L, 72L);
        assertThat(checkpoints.get(0).fineTunedModelCheckpoint()).isEqualTo(model + ":ckpt-step-96");

        String resultFile = done.resultFiles().get(0);
        assertThat(client.files().retrieve(resultFile).purpose()).isEqualTo(FileObject.Purpose.FINE_TUNE_RESULTS);
        String csv;
        try (HttpResponse content = client.files().content(resultFile); InputStream body = content.body()) {
            csv = new String(Base64.getDecoder().decode(body.readAllBytes()), StandardCharsets.UTF_8);
        }
        assertThat(csv).startsWith("step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n1,");

        ChatCompletion answer = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(model).addSystemMessage(SYSTEM).addUserMessage(PRIL).build());
        assertThat(answer.choices().get(0).message().content()).hasValueSatisfying(text ->
                assertThat(text).startsWith("Wir empfehlen spezielle Reinigungsmittel"));

        Model retrieved = client.models().retrieve(model);
        assertThat(retrieved.ownedBy()).isEqualTo("org-emulator");
        assertThat(client.models().delete(model).deleted()).isTrue();
        assertThatThrownBy(() -> client.models().retrieve(model)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void officialClientListsFilesAndJobs() {
        String file = new EmulatorHttp(emulator).uploadDataset("t1000-train.jsonl");
        String job = client.fineTuning().jobs().create(JobCreateParams.builder()
                .model("gpt-4o-mini-2024-07-18").trainingFile(file).build()).id();

        assertThat(client.files().list().autoPager().stream().map(FileObject::id)).containsExactly(file);
        assertThat(client.fineTuning().jobs().list().autoPager().stream().map(FineTuningJob::id))
                .containsExactly(job);
    }

    @Test
    void officialClientHonoursRetryAfterOnARateLimit() {
        emulator.faults().inject(Fault.rateLimit(Duration.ofMillis(20)));

        assertThat(client.models().list().data()).isNotEmpty();

        assertThat(emulator.recordedRequests()).hasSize(2);
    }

    @Test
    void officialClientReportsAWrongKeyAsUnauthorized() {
        OpenAIClient wrong = client.withOptions(options -> options.apiKey("not-the-key"));

        assertThatThrownBy(() -> wrong.models().list()).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void officialClientCancelsAJob() {
        String file = new EmulatorHttp(emulator).uploadDataset("t1000-train.jsonl");
        String job = client.fineTuning().jobs().create(JobCreateParams.builder()
                .model("gpt-4o-mini-2024-07-18").trainingFile(file).build()).id();

        assertThat(client.fineTuning().jobs().cancel(job).status()).isEqualTo(FineTuningJob.Status.CANCELLED);
    }

    /**
     * The service (and its spec's own example) answers a pause with status {@code paused}, which the spec's status
     * enum lacks. openai-java 4.101.0 with {@code responseValidation(true)} therefore rejects the pause response
     * ("Unknown Status: paused"); without strict validation it reads the status as an unknown value.
     */
    @Test
    void officialClientReadsPausedAsAnUnknownStatusAndResumes() {
        OpenAIClient lenient = client.withOptions(options -> options.responseValidation(false));
        String file = new EmulatorHttp(emulator).uploadDataset("t1000-train.jsonl");
        String job = lenient.fineTuning().jobs().create(JobCreateParams.builder()
                .model("gpt-4o-mini-2024-07-18").trainingFile(file).build()).id();
        clock.advance(Duration.ofSeconds(40));

        FineTuningJob paused = lenient.fineTuning().jobs().pause(job);
        FineTuningJob resumed = lenient.fineTuning().jobs().resume(job);

        assertThat(paused.status().value()).isEqualTo(FineTuningJob.Status.Value._UNKNOWN);
        assertThat(paused.status().asString()).isEqualTo("paused");
        assertThat(resumed.status()).isEqualTo(FineTuningJob.Status.RUNNING);
        assertThatThrownBy(() -> client.fineTuning().jobs().pause(job))
                .isInstanceOf(com.openai.errors.OpenAIInvalidDataException.class)
                .hasMessageContaining("paused");
    }

    private FineTuningJob pollUntilFinished(String id) {
        for (int i = 0; i < MAX_POLLS; i++) {
            FineTuningJob job = client.fineTuning().jobs().retrieve(id);
            FineTuningJob.Status status = job.status();
            // Stainless enums are value classes: compare with equals, not ==.
            if (status.equals(FineTuningJob.Status.SUCCEEDED) || status.equals(FineTuningJob.Status.FAILED)
                    || status.equals(FineTuningJob.Status.CANCELLED)) {
                return job;
            }
            clock.advance(POLL_STEP);
        }
        throw new AssertionError("job " + id + " did not finish within " + MAX_POLLS + " polls");
    }
}
