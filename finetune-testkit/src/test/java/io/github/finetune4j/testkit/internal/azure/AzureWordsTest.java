package io.github.finetune4j.testkit.internal.azure;

import io.github.finetune4j.testkit.internal.blob.Blob;
import io.github.finetune4j.testkit.internal.state.JobView;
import io.github.finetune4j.testkit.internal.state.StoredFile;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AzureWordsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void eventLevelsUseAzuresWarning() {
        assertThat(AzureWords.level(JobView.Level.INFO)).isEqualTo("info");
        assertThat(AzureWords.level(JobView.Level.WARN)).isEqualTo("warning");
        assertThat(AzureWords.level(JobView.Level.ERROR)).isEqualTo("error");
    }

    @Test
    void fileIsPendingThenRunningThenProcessedOverItsProcessingDelay() {
        StoredFile file = file(null);

        assertThat(AzureWords.fileStatus(file, T0)).isEqualTo("pending");
        assertThat(AzureWords.fileStatus(file, T0.plusSeconds(1))).isEqualTo("running");
        assertThat(AzureWords.fileStatus(file, T0.plusSeconds(2))).isEqualTo("processed");
    }

    @Test
    void fileWithAProcessingErrorEndsInError() {
        assertThat(AzureWords.fileStatus(file("Line 1 is not JSON"), T0.plusSeconds(2))).isEqualTo("error");
    }

    @Test
    void fileWithoutProcessingDelayIsProcessedAtOnce() {
        StoredFile file = new StoredFile("file-1", "a.jsonl", "fine-tune", Blob.of(new byte[0]), T0, T0, 1, null);

        assertThat(AzureWords.fileStatus(file, T0)).isEqualTo("processed");
    }

    private static StoredFile file(String error) {
        return new StoredFile("file-1", "a.jsonl", "fine-tune", Blob.of(new byte[0]), T0, T0.plusSeconds(2), 1, error);
    }
}
