package io.github.finetune4j.migrate;

import io.github.finetune4j.core.JobListener;

/** Calls a {@link MigrationListener}, logging and ignoring what it throws. */
final class SafeListener implements MigrationListener {
    private static final System.Logger LOG = System.getLogger(SafeListener.class.getName());
    private final MigrationListener delegate;

    SafeListener(MigrationListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onModel(Step step, String sourceJob, String message) {
        try {
            delegate.onModel(step, sourceJob, message);
        } catch (RuntimeException e) {
            ignored(e);
        }
    }

    @Override
    public void onProgress(Step step, String sourceJob, int done, int total) {
        try {
            delegate.onProgress(step, sourceJob, done, total);
        } catch (RuntimeException e) {
            ignored(e);
        }
    }

    @Override
    public JobListener jobListener(String sourceJob) {
        try {
            JobListener l = delegate.jobListener(sourceJob);
            return l != null ? l : new JobListener() {
            };
        } catch (RuntimeException e) {
            ignored(e);
            return new JobListener() {
            };
        }
    }

    private static void ignored(RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a migration listener threw {0}; ignored", e.toString());
    }
}
