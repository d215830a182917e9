package io.github.finetune4j.migrate;

import io.github.finetune4j.core.JobListener;

/**
 * Progress of a migration, for a console or a log. All methods have empty defaults; they run on the migration's
 * threads (answers may arrive on several), must be fast and must not throw (what they throw is logged and
 * ignored).
 */
public interface MigrationListener {
    /**
     * A step is about to work on a model (or has done something worth a line).
     *
     * @param step the step
     * @param sourceJob the source job id
     * @param message what happens, one line
     */
    default void onModel(Step step, String sourceJob, String message) {
    }

    /**
     * Answers arrived: golden answers while snapshotting, new answers while comparing.
     *
     * @param step the step
     * @param sourceJob the source job id
     * @param done answered so far
     * @param total to answer
     */
    default void onProgress(Step step, String sourceJob, int done, int total) {
    }

    /**
     * The listener of the new job while retraining waits for it (status changes, events, metrics), for example
     * a {@code ConsoleProgress}.
     *
     * @param sourceJob the source job id
     * @return the listener; a no-op by default
     */
    default JobListener jobListener(String sourceJob) {
        return new JobListener() {
        };
    }
}
