package io.github.finetune4j.azure.internal;

import io.github.finetune4j.azure.AzureOpenAi;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.testsupport.Multipart;
import io.github.finetune4j.azure.support.TestProviders;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FileStatus;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.spi.FileUpload;
import io.github.finetune4j.core.spi.RetryMode;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.github.finetune4j.azure.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

class AzureFilesTest {
    private static final FileId FILE = FileId.of("file-7a1c2b3d4e5f60718293a4b5c6d7e8f9");

    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private final TestProviders providers = TestProviders.create();

    @Test
    void uploadPostsMultipartToV1FilesWithApiKeyAndAccepts201() throws Exception {
        server.enqueue(FIXTURES.json(201, "files/upload-pending.json"));
        Path file = Files.writeString(dir.resolve("train.jsonl"), "{\"messages\":[]}\n");

        FileInfo uploaded = providers.v1(server).uploadFile(new FileUpload(file, "t1000.jsonl", Files.size(file),
                FileUpload.FINE_TUNE));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/files");
        assertThat(request.getUrl().query()).isNull();
        assertThat(request.getHeaders().get("api-key")).isEqualTo(TestProviders.KEY);
        assertThat(request.getHeaders().get("Authorization")).isNull();
        List<Multipart.Part> parts = Multipart.parse(request.getHeaders().get("Content-Type"),
                request.getBody().toByteArray());
        assertThat(parts).extracting(Multipart.Part::name).containsExactly("purpose", "file");
        assertThat(parts.get(0).text()).isEqualTo("fine-tune");
        assertThat(parts.get(1).filename()).isEqualTo("t1000.jsonl");
        assertThat(parts.get(1).text()).isEqualTo("{\"messages\":[]}\n");
        assertThat(uploaded.id()).isEqualTo(FILE);
        assertThat(uploaded.status()).isEqualTo(FileStatus.PENDING);
        assertThat(uploaded.createdAt()).isEqualTo(Instant.ofEpochSecond(1735689600));
        assertThat(providers.calls().get(0).retryMode()).isEqualTo(RetryMode.NOT_IDEMPOTENT);
    }

    @Test
    void uploadOnDatedRouteCarriesApiVersion() throws Exception {
        server.enqueue(FIXTURES.json(201, "files/upload-pending.json"));
        Path file = Files.writeString(dir.resolve("train.jsonl"), "{}\n");

        providers.dated(server).uploadFile(new FileUpload(file, "t1000.jsonl", 3, FileUpload.FINE_TUNE));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/files");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2024-10-21");
    }

    @Test
    void importFileUsesTheDatedRouteEvenOnV1() throws Exception {
        server.enqueue(FIXTURES.json(201, "files/import-pending.json"));

        FileInfo imported = providers.v1(server).feature(AzureOpenAi.class).orElseThrow().importFile(URI.create(
                "https://example.blob.core.windows.net/training/t1000.jsonl?sv=2024-01-01&sig=REDACTED"),
                "t1000-kundenservice.jsonl");

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/files/import");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2024-10-21");
        assertThat(Fixtures.parse(request.getBody().utf8())).isEqualTo(FIXTURES.tree("files/import-request.json"));
        assertThat(imported.status()).isEqualTo(FileStatus.PENDING);
        assertThat(imported.bytes()).isZero();
        assertThat(providers.calls().get(0).retryMode()).isEqualTo(RetryMode.NOT_IDEMPOTENT);
    }

    @Test
    void getFileKeepsTheServicesReasonForAnError() throws Exception {
        server.enqueue(FIXTURES.json("files/get-error.json"));

        FileInfo file = providers.v1(server).getFile(FILE);

        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath())
                .isEqualTo("/openai/v1/files/file-7a1c2b3d4e5f60718293a4b5c6d7e8f9");
        assertThat(file.status()).isEqualTo(FileStatus.ERROR);
        assertThat(file.statusDetails()).contains("Line 3: messages must contain at least one assistant message.");
    }

    @Test
    void listFilesOnTheDatedRouteIsOnePageWithoutPagingParameters() throws Exception {
        server.enqueue(FIXTURES.json("files/list.json"));

        Page<FileInfo> page = providers.dated(server).listFiles(PageRequest.first().withLimit(5).after("file-x"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/files");
        assertThat(request.getUrl().queryParameterNames()).containsExactly("api-version");
        assertThat(page.items()).extracting(FileInfo::purpose).containsExactly("fine-tune", "fine-tune-results");
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void listFilesOnV1PagesWithTheLastId() throws Exception {
        server.enqueue(FIXTURES.json("files/list-v1-page-1.json"));

        Page<FileInfo> page = providers.v1(server).listFiles(PageRequest.first().withLimit(1).after("file-0"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().queryParameter("after")).isEqualTo("file-0");
        assertThat(request.getUrl().queryParameter("limit")).isEqualTo("1");
        assertThat(page.nextCursor()).contains("file-7a1c2b3d4e5f60718293a4b5c6d7e8f9");
    }

    @Test
    void fileContentReturnsTheRawBytes() throws Exception {
        server.enqueue(FIXTURES.builder(200).setHeader("Content-Type", "application/octet-stream")
                .body("step,train_loss\n1,0.5\n").build());

        byte[] content = providers.v1(server).fileContent(FILE);

        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath()).endsWith(FILE.value() + "/content");
        assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("step,train_loss\n1,0.5\n");
    }

    @Test
    void deleteFileReportsTheDeletion() throws Exception {
        server.enqueue(FIXTURES.json("files/delete.json"));

        boolean deleted = providers.dated(server).deleteFile(FILE);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/files/" + FILE.value());
        assertThat(deleted).isTrue();
    }
}
