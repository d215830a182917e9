package io.github.finetune4j.testkit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A 300 MiB file through the Uploads API in 64 MiB parts, one of them cut by a server restart and sent again,
 * in a JVM whose heap (96 MiB, see the {@code large-uploads} profile) could not hold the file, nor two parts:
 * the emulator streams parts to disk. Run it with {@code mvn -P large-uploads verify -pl finetune-testkit -am}.
 */
@Tag("large-upload")
class LargeUploadTest {

    private static final long MIB = 1024 * 1024;
    private static final long PART = 64 * MIB;
    private static final long TOTAL = 300 * MIB;

    @Test
    void threeHundredMibUploadIsStoredByteExactThroughARestartMidPart() {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.manual()).start()) {
            EmulatorHttp http = new EmulatorHttp(emulator);
            HttpClient client = HttpClient.newHttpClient();
            String uploadId = http.createUpload("large.jsonl", "fine-tune", TOTAL).get("id").asText();
            List<String> partIds = new ArrayList<>();
            List<InputStream> expected = new ArrayList<>();
            for (int i = 0; TOTAL - i * PART > 0; i++) {
                long size = Math.min(PART, TOTAL - i * PART);
                long seed = i;
                if (i == 2) {
                    emulator.faults().inject(Fault.restartServer().onPath("/uploads"));
                    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> client.send(
                            http.partRequest(uploadId, () -> GeneratedBytes.stream(seed, size), size).build(),
                            HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class));
                }
                EmulatorHttp.Reply part = http.addPart(uploadId, () -> GeneratedBytes.stream(seed, size), size);
                assertThat(part.status()).as(part.body()).isEqualTo(200);
                partIds.add(part.json().get("id").asText());
                expected.add(GeneratedBytes.stream(seed, size));
            }

            String fileId = http.completeUpload(uploadId, partIds).json().get("file").get("id").asText();

            assertThat(emulator.openAi().fileSize(fileId)).isEqualTo(TOTAL);
            assertThat(emulator.openAi().fileSha256(fileId)).isEqualTo(GeneratedBytes.sha256(
                    new SequenceInputStream(Collections.enumeration(expected))));
            assertThat(Runtime.getRuntime().maxMemory()).as("run in the large-uploads profile's small heap")
                    .isLessThan(TOTAL);
        }
    }
}
