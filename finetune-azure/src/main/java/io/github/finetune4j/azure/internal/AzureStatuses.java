package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.model.EventLevel;
import io.github.finetune4j.core.model.FileStatus;
import io.github.finetune4j.core.model.JobStatus;

import java.util.Locale;

/**
 * Azure's status words mapped onto the core enums; the raw word is always kept next to the mapped value.
 *
 * <table>
 * <caption>Job statuses</caption>
 * <tr><th>Azure</th><th>core</th><th>why</th></tr>
 * <tr><td>created, pending, notRunning, queued</td><td>QUEUED</td><td>accepted, not started; {@code pending} can
 *     last hours while another job runs (one running job per resource)</td></tr>
 * <tr><td>validating_files</td><td>VALIDATING_FILES</td><td>v1 spec wording</td></tr>
 * <tr><td>running</td><td>RUNNING</td><td></td></tr>
 * <tr><td>pausing</td><td>RUNNING</td><td>still training until the checkpoint is written</td></tr>
 * <tr><td>paused</td><td>PAUSED</td><td></td></tr>
 * <tr><td>resuming</td><td>RUNNING</td><td>the pause is over; training continues from the checkpoint</td></tr>
 * <tr><td>succeeded, failed, cancelled (canceled)</td><td>SUCCEEDED, FAILED, CANCELLED</td><td>terminal</td></tr>
 * <tr><td>anything else</td><td>UNKNOWN</td><td>not terminal: waiting goes on</td></tr>
 * </table>
 */
final class AzureStatuses {
    private AzureStatuses() {
    }

    static JobStatus job(String raw) {
        if (raw == null) {
            return JobStatus.UNKNOWN;
        }
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "created": case "pending": case "notrunning": case "queued": return JobStatus.QUEUED;
            case "validating_files": return JobStatus.VALIDATING_FILES;
            case "running": case "pausing": case "resuming": return JobStatus.RUNNING;
            case "paused": return JobStatus.PAUSED;
            case "succeeded": return JobStatus.SUCCEEDED;
            case "failed": return JobStatus.FAILED;
            case "cancelled": case "canceled": return JobStatus.CANCELLED;
            default: return JobStatus.UNKNOWN;
        }
    }

    /** GA {@code FileState} plus the legacy {@code notRunning}/{@code succeeded}/{@code failed} words. */
    static FileStatus file(String raw) {
        if (raw == null) {
            return FileStatus.UNKNOWN;
        }
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "uploaded": return FileStatus.UPLOADED;
            case "pending": case "notrunning": return FileStatus.PENDING;
            case "running": return FileStatus.RUNNING;
            case "processed": case "succeeded": return FileStatus.PROCESSED;
            case "error": case "failed": return FileStatus.ERROR;
            case "deleting": case "deleted": return FileStatus.DELETED;
            default: return FileStatus.UNKNOWN;
        }
    }

    /** Azure says {@code warning} where OpenAI says {@code warn}. */
    static EventLevel level(String raw) {
        if (raw == null) {
            return EventLevel.UNKNOWN;
        }
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "info": return EventLevel.INFO;
            case "warning": case "warn": return EventLevel.WARN;
            case "error": return EventLevel.ERROR;
            default: return EventLevel.UNKNOWN;
        }
    }
}
