package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UploadsApiTest {

    private static final long MIB = 1024 * 1024;

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void createdUploadIsPendingForAnHourWithoutAFile() {
        JsonNode upload = http.createUpload("train.jsonl", "fine-tune", 1000);

        assertThat(upload.get("id").asText()).startsWith("upload_");
        assertThat(upload.get("object").asText()).isEqualTo("upload");
        assertThat(upload.get("status").asText()).isEqualTo("pending");
        assertThat(upload.get("bytes").asLong()).isEqualTo(1000);
        assertThat(upload.get("filename").asText()).isEqualTo("train.jsonl");
        assertThat(upload.get("purpose").asText()).isEqualTo("fine-tune");
        assertThat(upload.get("expires_at").asLong() - upload.get("created_at").asLong()).isEqualTo(3600);
        assertThat(upload.get("file").isNull()).isTrue();
    }

    @Test
    void completedUploadJoinsThePartsInTheOrderOfPartIdsIntoAFileUsableForAJob() {
        byte[] dataset = EmulatorHttp.dataset("t1000-train.jsonl");
        byte[] head = Arrays.copyOfRange(dataset, 0, 1000);
        byte[] rest = Arrays.copyOfRange(dataset, 1000, dataset.length);
        String uploadId = http.createUpload("train.jsonl", "fine-tune", dataset.length).get("id").asText();
        // Parts may arrive in any order: the rest first, the head second.
        JsonNode second = http.addPart(uploadId, rest).json();
        JsonNode first = http.addPart(uploadId, head).json();

        JsonNode completed = http.completeUpload(uploadId, List.of(first.get("id").asText(),
                second.get("id").asText())).json();

        assertThat(first.get("object").asText()).isEqualTo("upload.part");
        assertThat(first.get("upload_id").asText()).isEqualTo(uploadId);
        assertThat(completed.get("status").asText()).isEqualTo("completed");
        JsonNode file = completed.get("file");
        assertThat(file.get("bytes").asLong()).isEqualTo(dataset.length);
        assertThat(file.get("filename").asText()).isEqualTo("train.jsonl");
        String fileId = file.get("id").asText();
        assertThat(emulator.openAi().fileSha256(fileId))
                .isEqualTo(GeneratedBytes.sha256(new java.io.ByteArrayInputStream(dataset)));
        clock.advance(Duration.ofMinutes(3));
        JsonNode job = http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + fileId + "\"}");
        clock.advance(Duration.ofMinutes(3));
        assertThat(http.job(job.get("id").asText()).get("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void completingWithTheSamePartsAgainAnswersTheSameUploadAndFile() {
        String uploadId = http.createUpload("a.jsonl", "fine-tune", 3).get("id").asText();
        String part = http.addPart(uploadId, new byte[]{'{', '}', '\n'}).json().get("id").asText();
        JsonNode first = http.completeUpload(uploadId, List.of(part)).json();

        EmulatorHttp.Reply again = http.completeUpload(uploadId, List.of(part));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("file").get("id")).isEqualTo(first.get("file").get("id"));
        assertThat(emulator.openAi().fileIds()).hasSize(1);
    }

    @Test
    void completeRefusesAWrongTotalAForeignPartAndAWrongMd5() {
        String uploadId = http.createUpload("a.jsonl", "fine-tune", 10).get("id").asText();
        String part = http.addPart(uploadId, new byte[6]).json().get("id").asText();
        String otherUpload = http.createUpload("b.jsonl", "fine-tune", 4).get("id").asText();
        String foreign = http.addPart(otherUpload, new byte[4]).json().get("id").asText();

        EmulatorHttp.Reply tooFew = http.completeUpload(uploadId, List.of(part));
        EmulatorHttp.Reply notOurs = http.completeUpload(uploadId, List.of(part, foreign));
        String last = http.addPart(uploadId, new byte[4]).json().get("id").asText();
        EmulatorHttp.Reply badMd5 = http.post("/uploads/" + uploadId + "/complete", "{\"part_ids\":[\"" + part
                + "\",\"" + last + "\"],\"md5\":\"00000000000000000000000000000000\"}");
        EmulatorHttp.Reply goodMd5 = http.post("/uploads/" + uploadId + "/complete", "{\"part_ids\":[\"" + part
                + "\",\"" + last + "\"],\"md5\":\"a63c90cc3684ad8b0a2176a6a8fe9005\"}");

        assertThat(tooFew.status()).isEqualTo(400);
        assertThat(tooFew.error().get("message").asText()).contains("6 bytes").contains("bytes=10");
        assertThat(notOurs.status()).isEqualTo(400);
        assertThat(notOurs.error().get("message").asText()).contains(foreign).contains("does not belong");
        assertThat(badMd5.status()).isEqualTo(400);
        assertThat(badMd5.error().get("param").asText()).isEqualTo("md5");
        assertThat(goodMd5.status()).as(goodMd5.body()).isEqualTo(200);
    }

    @Test
    void nothingCanBeAddedOnceCompletedOrCancelledAndCancellingTwiceIsHarmless() {
        String completed = http.createUpload("a.jsonl", "fine-tune", 2).get("id").asText();
        http.completeUpload(completed, List.of(http.addPart(completed, new byte[2]).json().get("id").asText()));
        String cancelled = http.createUpload("b.jsonl", "fine-tune", 2).get("id").asText();
        http.addPart(cancelled, new byte[2]);

        JsonNode cancel = http.post("/uploads/" + cancelled + "/cancel").json();
        EmulatorHttp.Reply cancelAgain = http.post("/uploads/" + cancelled + "/cancel");

        assertThat(cancel.get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelAgain.status()).isEqualTo(200);
        assertThat(http.addPart(completed, new byte[1]).error().get("message").asText()).contains("completed");
        assertThat(http.addPart(cancelled, new byte[1]).error().get("message").asText()).contains("cancelled");
        assertThat(http.post("/uploads/" + completed + "/cancel").status()).isEqualTo(400);
    }

    @Test
    void uploadNotCompletedWithinAnHourExpiresAndDropsItsParts() {
        String uploadId = http.createUpload("a.jsonl", "fine-tune", 2 * MIB).get("id").asText();
        String part = http.addPart(uploadId, () -> GeneratedBytes.stream(1, 2 * MIB), 2 * MIB).json()
                .get("id").asText();
        Path storage = emulator.storageDirectory();
        assertThat(storage).isNotNull();
        assertThat(fileCount(storage)).isEqualTo(1);

        clock.advance(Duration.ofHours(1));

        assertThat(http.post("/uploads/" + uploadId + "/cancel").json().get("status").asText()).isEqualTo("expired");
        EmulatorHttp.Reply complete = http.completeUpload(uploadId, List.of(part));
        assertThat(complete.status()).isEqualTo(400);
        assertThat(complete.error().get("message").asText()).contains("expired");
        assertThat(http.addPart(uploadId, new byte[1]).status()).isEqualTo(400);
        assertThat(fileCount(storage)).isZero();
    }

    @Test
    void uploadExpiryCanBeShortenedForTests() {
        try (FineTuningEmulator shortLived = FineTuningEmulator.builder().clock(EmulatorClock.manual())
                .uploadExpiry(Duration.ofMinutes(5)).start()) {
            JsonNode upload = new EmulatorHttp(shortLived).createUpload("a.jsonl", "fine-tune", 1);

            assertThat(upload.get("expires_at").asLong() - upload.get("created_at").asLong()).isEqualTo(300);
        }
    }

    @Test
    void largePartsGoToDiskNotMemoryAndTheFolderIsDeletedOnClose() throws Exception {
        long partSize = 3 * MIB;
        String uploadId = http.createUpload("big.jsonl", "fine-tune", 3 * partSize).get("id").asText();
        List<String> parts = List.of(
                http.addPart(uploadId, () -> GeneratedBytes.stream(1, partSize), partSize).json().get("id").asText(),
                http.addPart(uploadId, () -> GeneratedBytes.stream(2, partSize), partSize).json().get("id").asText(),
                http.addPart(uploadId, () -> GeneratedBytes.stream(3, partSize), partSize).json().get("id").asText());
        Path storage = emulator.storageDirectory();
        long onDisk;
        try (var files = Files.list(storage)) {
            onDisk = files.mapToLong(f -> f.toFile().length()).sum();
        }

        String fileId = http.completeUpload(uploadId, parts).json().get("file").get("id").asText();

        assertThat(onDisk).isEqualTo(3 * partSize);
        String expected = GeneratedBytes.sha256(new SequenceInputStream(java.util.Collections.enumeration(List.of(
                GeneratedBytes.stream(1, partSize), GeneratedBytes.stream(2, partSize),
                GeneratedBytes.stream(3, partSize)))));
        assertThat(emulator.openAi().fileSha256(fileId)).isEqualTo(expected);
        assertThat(emulator.openAi().fileSize(fileId)).isEqualTo(3 * partSize);
        emulator.close();
        assertThat(storage).doesNotExist();
    }

    @Test
    void partLargerThan64MibIsRefused() {
        String uploadId = http.createUpload("big.jsonl", "fine-tune", 65 * MIB).get("id").asText();

        EmulatorHttp.Reply reply = http.addPart(uploadId, () -> GeneratedBytes.stream(4, 64 * MIB + 1),
                64 * MIB + 1);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("message").asText()).contains("64 MB");
        assertThat(fileCount(emulator.storageDirectory())).isZero();
    }

    @Test
    void partRefusedBeforeItsBodyIsReadStillGetsItsAnswer() {
        String uploadId = http.createUpload("a.jsonl", "fine-tune", 1).get("id").asText();
        http.post("/uploads/" + uploadId + "/cancel");

        EmulatorHttp.Reply refused = http.addPart(uploadId, () -> GeneratedBytes.stream(5, 8 * MIB), 8 * MIB);
        EmulatorHttp.Reply unauthorized = new EmulatorHttp(emulator.baseUrl(), "wrong").addPart(uploadId,
                () -> GeneratedBytes.stream(6, 8 * MIB), 8 * MIB);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().get("message").asText()).contains("cancelled");
        assertThat(unauthorized.status()).isEqualTo(401);
    }

    @Test
    void createChecksItsRequestAsTheServiceDoes() {
        EmulatorHttp.Reply unknownKey = http.post("/uploads", "{\"filename\":\"a.jsonl\",\"purpose\":\"fine-tune\","
                + "\"bytes\":1,\"mime_type\":\"text/jsonl\",\"size\":1}");
        EmulatorHttp.Reply noMime = http.post("/uploads", "{\"filename\":\"a.jsonl\",\"purpose\":\"fine-tune\","
                + "\"bytes\":1}");
        EmulatorHttp.Reply wrongExtension = http.post("/uploads", "{\"filename\":\"a.csv\",\"purpose\":"
                + "\"fine-tune\",\"bytes\":1,\"mime_type\":\"text/csv\"}");
        EmulatorHttp.Reply tooLarge = http.post("/uploads", "{\"filename\":\"a.jsonl\",\"purpose\":\"fine-tune\","
                + "\"bytes\":9000000000,\"mime_type\":\"text/jsonl\"}");
        EmulatorHttp.Reply unknownUpload = http.post("/uploads/upload_nope/cancel");

        assertThat(unknownKey.error().get("message").asText()).contains("size");
        assertThat(noMime.error().get("param").asText()).isEqualTo("mime_type");
        assertThat(wrongExtension.error().get("message").asText()).contains(".jsonl");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(unknownUpload.status()).isEqualTo(404);
    }

    @Test
    void anEarlierUploadAndJobCanBeFoundAgainByFilenamePurposeAndMetadata() {
        String wanted = http.upload("t1000-3f2a.jsonl", "fine-tune", EmulatorHttp.dataset("t1000-train.jsonl"))
                .json().get("id").asText();
        http.upload("other.jsonl", "fine-tune", EmulatorHttp.dataset("t1000-train.jsonl"));
        http.upload("batch.jsonl", "batch", new byte[]{'{', '}'});
        clock.advance(Duration.ofSeconds(5));
        String job = http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + wanted
                + "\",\"metadata\":{\"run\":\"t1000-3f2a\"}}").get("id").asText();
        http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + wanted + "\"}");

        JsonNode files = http.get("/files?purpose=fine-tune").json();
        JsonNode jobs = http.get("/fine_tuning/jobs?metadata%5Brun%5D=t1000-3f2a").json();

        assertThat(files.get("data")).hasSize(2);
        assertThat(files.get("data").findValuesAsText("filename")).contains("t1000-3f2a.jsonl");
        JsonNode found = files.get("data").findParents("filename").stream()
                .filter(f -> f.get("filename").asText().equals("t1000-3f2a.jsonl")).findFirst().orElseThrow();
        assertThat(found.get("id").asText()).isEqualTo(wanted);
        assertThat(jobs.get("data")).hasSize(1);
        assertThat(jobs.get("data").get(0).get("id").asText()).isEqualTo(job);
    }

    private static long fileCount(Path dir) {
        try (var files = Files.list(dir)) {
            return files.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
