package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FileStatus;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.spi.FileUpload;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.RetryMode;
import io.github.finetune4j.testsupport.Multipart;
import io.github.finetune4j.openai.support.TestProviders;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.github.finetune4j.openai.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

class OpenAiFilesTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private final TestProviders providers = TestProviders.create();

    @AfterEach
    void closeProviders() {
        providers.close();
    }

    @Test
    void uploadFilePostsMultipartWithPurposeAndJsonlFilePart() throws Exception {
        byte[] content = "{\"messages\":[{\"role\":\"user\",\"content\":\"Grüß Gott\"}]}\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("local-name.tmp"), content);
        server.enqueue(FIXTURES.json("files/upload.json"));
        FineTuneProvider provider = providers.provider(server);

        FileInfo info = provider.uploadFile(new FileUpload(file, "train.jsonl", content.length, FileUpload.FINE_TUNE));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/files");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        String contentType = request.getHeaders().get("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        List<Multipart.Part> parts = Multipart.parse(contentType, request.getBody().toByteArray());
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("purpose");
        assertThat(parts.get(0).filename()).isNull();
        assertThat(parts.get(0).text()).isEqualTo("fine-tune");
        assertThat(parts.get(1).name()).isEqualTo("file");
        assertThat(parts.get(1).filename()).isEqualTo("train.jsonl").endsWith(".jsonl");
        assertThat(parts.get(1).content()).isEqualTo(content);
        assertThat(info.id()).isEqualTo(FileId.of("file-abc123"));
        assertThat(info.status()).isEqualTo(FileStatus.UPLOADED);
        assertThat(info.filename()).isEqualTo("train.jsonl");
        assertThat(info.bytes()).isEqualTo(120000);
    }

    @Test
    void uploadFileIsNotIdempotentAndLeavesTheTimeoutToTheClientsUploadTimeout() throws Exception {
        Path file = Files.writeString(dir.resolve("t.jsonl"), "{}\n");
        server.enqueue(FIXTURES.json("files/upload.json"));

        providers.provider(server).uploadFile(new FileUpload(file, "t.jsonl", 3, FileUpload.FINE_TUNE));

        assertThat(providers.transport().last().retryMode()).isEqualTo(RetryMode.NOT_IDEMPOTENT);
        assertThat(providers.transport().last().timeout()).isEmpty();
        assertThat(providers.transport().last().body().form()).isPresent();
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void getFileReadsProcessedFile() throws Exception {
        server.enqueue(FIXTURES.json("files/get-processed.json"));

        FileInfo info = providers.provider(server).getFile(FileId.of("file-abc123"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/files/file-abc123");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(info).isEqualTo(new FileInfo(FileId.of("file-abc123"), "mydata.jsonl", 120000,
                Instant.ofEpochSecond(1677610602), "fine-tune", FileStatus.PROCESSED, Optional.empty()));
        assertThat(providers.transport().last().retryMode()).isEqualTo(RetryMode.IDEMPOTENT);
    }

    @Test
    void getFileMapsErrorStatusWithDetails() throws Exception {
        server.enqueue(FIXTURES.json("files/get-error.json"));

        FileInfo info = providers.provider(server).getFile(FileId.of("file-bad456"));

        assertThat(info.status()).isEqualTo(FileStatus.ERROR);
        assertThat(info.statusDetails()).contains("Invalid file format. Line 3: missing 'messages'.");
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void getFileWithoutDeprecatedStatusCountsAsProcessed() throws Exception {
        server.enqueue(FIXTURES.json("files/get-no-status.json"));

        FileInfo info = providers.provider(server).getFile(FileId.of("file-abc123"));

        assertThat(info.status()).isEqualTo(FileStatus.PROCESSED);
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void listFilesSendsAfterAndLimitAndContinuesAfterLastId() throws Exception {
        server.enqueue(FIXTURES.json("files/list-page-1.json"));

        Page<FileInfo> page = providers.provider(server).listFiles(PageRequest.first().after("file-xyz").withLimit(2));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/files");
        assertThat(request.getUrl().queryParameter("after")).isEqualTo("file-xyz");
        assertThat(request.getUrl().queryParameter("limit")).isEqualTo("2");
        assertThat(page.items()).extracting(FileInfo::id)
                .containsExactly(FileId.of("file-abc123"), FileId.of("file-abc456"));
        assertThat(page.items().get(1).purpose()).isEqualTo("fine-tune");
        assertThat(page.nextCursor()).contains("file-abc456");
    }

    @Test
    void listFilesFirstPageSendsNoQuery() throws Exception {
        server.enqueue(FIXTURES.json("files/list-last.json"));

        Page<FileInfo> page = providers.provider(server).listFiles(PageRequest.first());

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().query()).isNull();
        assertThat(page.items()).hasSize(1);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void listFilesFallsBackToLastItemIdWhenLastIdIsMissing() throws Exception {
        server.enqueue(FIXTURES.json("files/list-more-without-last-id.json"));

        Page<FileInfo> page = providers.provider(server).listFiles(PageRequest.first());

        assertThat(page.nextCursor()).contains("file-abc456");
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void fileContentReturnsRawBytes() throws Exception {
        byte[] csv = "step,train_loss\n1,0.5\n".getBytes(StandardCharsets.UTF_8);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .body(new okio.Buffer().write(csv)).build());

        byte[] content = providers.provider(server).fileContent(FileId.of("file-res123"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/files/file-res123/content");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(content).isEqualTo(csv);
    }

    @Test
    void deleteFileSendsDeleteAndReportsConfirmation() throws Exception {
        server.enqueue(FIXTURES.json("files/delete.json"));

        boolean deleted = providers.provider(server).deleteFile(FileId.of("file-abc123"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/files/file-abc123");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(deleted).isTrue();
        assertThat(providers.transport().last().retryMode()).isEqualTo(RetryMode.IDEMPOTENT);
    }

    @Test
    void deleteFileReportsFalseWhenNotConfirmed() throws Exception {
        server.enqueue(FIXTURES.jsonBody("{\"id\":\"file-abc123\",\"object\":\"file\",\"deleted\":false}"));

        assertThat(providers.provider(server).deleteFile(FileId.of("file-abc123"))).isFalse();
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }
}
