package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.model.EventLevel;
import io.github.finetune4j.core.model.FileStatus;
import io.github.finetune4j.core.model.JobStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AzureStatusesTest {
    @ParameterizedTest
    @CsvSource({
        "created, QUEUED", "pending, QUEUED", "notRunning, QUEUED", "queued, QUEUED",
        "validating_files, VALIDATING_FILES", "running, RUNNING", "pausing, RUNNING", "paused, PAUSED",
        "resuming, RUNNING", "succeeded, SUCCEEDED", "failed, FAILED", "cancelled, CANCELLED",
        "canceled, CANCELLED", "Succeeded, SUCCEEDED", "somethingNew, UNKNOWN"})
    void jobStatusWordsMapOntoTheCoreStatuses(String raw, JobStatus expected) {
        assertThat(AzureStatuses.job(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "uploaded, UPLOADED", "pending, PENDING", "notRunning, PENDING", "running, RUNNING",
        "processed, PROCESSED", "succeeded, PROCESSED", "error, ERROR", "failed, ERROR", "deleting, DELETED",
        "deleted, DELETED", "other, UNKNOWN"})
    void fileStatusWordsMapOntoTheCoreStatuses(String raw, FileStatus expected) {
        assertThat(AzureStatuses.file(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"info, INFO", "warning, WARN", "warn, WARN", "error, ERROR", "debug, UNKNOWN"})
    void eventLevelsMapOntoTheCoreLevels(String raw, EventLevel expected) {
        assertThat(AzureStatuses.level(raw)).isEqualTo(expected);
    }
}
