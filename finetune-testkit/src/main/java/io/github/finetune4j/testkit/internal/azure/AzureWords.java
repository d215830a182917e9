package io.github.finetune4j.testkit.internal.azure;

import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.JobStatus;
import io.github.finetune4j.testkit.internal.state.JobView;
import io.github.finetune4j.testkit.internal.state.StoredFile;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Azure's status and level words for the shared state.
 *
 * <ul>
 *   <li>Jobs: {@code pending} while the files are checked and while queued (Azure has no
 *       {@code validating_files} or {@code queued}), {@code running}, {@code pausing} for
 *       the transition time (5 s, sped up like every phase) after a pause and {@code paused} after that,
 *       {@code resuming} for the transition time after a resume, {@code succeeded}, {@code failed},
 *       {@code cancelled}.</li>
 *   <li>Files: {@code pending} for the first half of the processing delay, {@code running} for the second,
 *       then {@code processed}, or {@code error} when the JSONL could not be parsed.</li>
 *   <li>Event levels: {@code info}, {@code warning} (OpenAI says {@code warn}), {@code error}.</li>
 * </ul>
 */
final class AzureWords {

    private AzureWords() {
    }

    static String jobStatus(JobRecord job, JobStatus status, Instant now, Duration transition) {
        switch (status) {
            case VALIDATING_FILES:
            case QUEUED:
                return "pending";
            case PAUSED:
                return within(job.lastPauseStartedAt(), now, transition) ? "pausing" : "paused";
            case RUNNING:
                return within(job.lastResumedAt(), now, transition) ? "resuming" : "running";
            default:
                return status.name().toLowerCase(Locale.ROOT);
        }
    }

    static String fileStatus(StoredFile file, Instant now) {
        Duration processing = Duration.between(file.createdAt(), file.readyAt());
        if (now.isBefore(file.createdAt().plus(processing.dividedBy(2)))) {
            return "pending";
        }
        if (now.isBefore(file.readyAt())) {
            return "running";
        }
        return file.processingError() == null ? "processed" : "error";
    }

    static String level(JobView.Level level) {
        switch (level) {
            case WARN:
                return "warning";
            case ERROR:
                return "error";
            default:
                return "info";
        }
    }

    private static boolean within(Instant since, Instant now, Duration transition) {
        return since != null && now.isBefore(since.plus(transition));
    }
}
