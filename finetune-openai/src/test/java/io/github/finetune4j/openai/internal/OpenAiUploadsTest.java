package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.spi.LargeFileUploads;
import io.github.finetune4j.core.spi.RetryMode;
import io.github.finetune4j.core.spi.UploadSession;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.testsupport.Multipart;
import io.github.finetune4j.openai.support.TestProviders;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.github.finetune4j.openai.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

class OpenAiUploadsTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private final TestProviders providers = TestProviders.create();

    @AfterEach
    void closeProviders() {
        providers.close();
    }

    private LargeFileUploads uploads() {
        return providers.provider(server).feature(LargeFileUploads.class).orElseThrow();
    }

    @Test
    void createUploadPostsFilenamePurposeBytesAndJsonlMimeType() throws Exception {
        server.enqueue(FIXTURES.json("uploads/create-pending.json"));

        UploadSession session = uploads().createUpload("train.jsonl", 209_715_200L, "fine-tune");

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/uploads");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(Fixtures.parse(request.getBody().utf8())).isEqualTo(FIXTURES.tree("uploads/create-request.json"));
        assertThat(session.id()).isEqualTo("upload_abc123");
        assertThat(session.expiresAt()).contains(Instant.ofEpochSecond(1719188511));
        assertThat(providers.transport().last().retryMode()).isEqualTo(RetryMode.NOT_IDEMPOTENT);
    }

    @Test
    void addUploadPartSendsExactlyTheRegionAsMultipartFieldData() throws Exception {
        byte[] content = new byte[5_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 251);
        }
        Path file = Files.write(dir.resolve("train.jsonl"), content);
        server.enqueue(FIXTURES.json("uploads/part.json"));

        String partId = uploads().addUploadPart("upload_abc123", file, 1_000, 2_500);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/uploads/upload_abc123/parts");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        String contentType = request.getHeaders().get("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        List<Multipart.Part> parts = Multipart.parse(contentType, request.getBody().toByteArray());
        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("data");
            assertThat(p.filename()).isEqualTo("train.jsonl");
            assertThat(p.content()).isEqualTo(Arrays.copyOfRange(content, 1_000, 3_500));
        });
        assertThat(partId).isEqualTo("part_def456");
        // A part sent twice is only an unused part: parts are retried on 5xx and cut connections.
        assertThat(providers.transport().last().retryMode()).isEqualTo(RetryMode.IDEMPOTENT);
        assertThat(providers.transport().last().timeout()).isEmpty();
    }

    @Test
    void completeUploadSendsThePartIdsInOrderAndMapsTheFile() throws Exception {
        server.enqueue(FIXTURES.json("uploads/complete-completed.json"));

        FileInfo file = uploads().completeUpload("upload_abc123",
                List.of("part_def456", "part_ghi789", "part_jkl012", "part_mno345"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/uploads/upload_abc123/complete");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(Fixtures.parse(request.getBody().utf8())).isEqualTo(FIXTURES.tree("uploads/complete-request.json"));
        assertThat(file.id()).isEqualTo(FileId.of("file-xyz321"));
        assertThat(file.filename()).isEqualTo("train.jsonl");
        assertThat(file.bytes()).isEqualTo(209_715_200L);
        assertThat(file.purpose()).isEqualTo("fine-tune");
        assertThat(file.createdAt()).isEqualTo(Instant.ofEpochSecond(1719186911));
        assertThat(providers.transport().last().retryMode()).isEqualTo(RetryMode.NOT_IDEMPOTENT);
    }

    @Test
    void cancelUploadPostsWithoutBody() throws Exception {
        server.enqueue(FIXTURES.json("uploads/cancel-cancelled.json"));

        uploads().cancelUpload("upload_abc123");

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/uploads/upload_abc123/cancel");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(request.getBody().size()).isZero();
    }
}
