package io.github.finetune4j.testkit.internal.together;

import io.github.finetune4j.testkit.internal.state.JobRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * A Together fine-tune: the shared job record (its timeline, curve and answers) and what only Together has. The
 * record's steps are Together's: {@code ceil(lines / batch size)} per epoch. Immutable after creation; guarded by
 * the Together state's lock.
 */
final class TogetherJob {

    final JobRecord core;
    final TogetherJobParams params;
    final long trainTokens;
    final long evalTokens;
    /** The estimated full price in US dollars. */
    final double price;
    /** The checkpoint the job continues from, resolved to {@code ft-…[:step]}, or null. */
    final String fromCheckpoint;
    final String wandbUrl;
    final List<Integer> checkpointSteps;
    final List<Integer> evalSteps;

    TogetherJob(JobRecord core, TogetherJobParams params, long trainTokens, long evalTokens, double price,
                String fromCheckpoint) {
        this.core = core;
        this.params = params;
        this.trainTokens = trainTokens;
        this.evalTokens = evalTokens;
        this.price = price;
        this.fromCheckpoint = fromCheckpoint;
        this.wandbUrl = params.wandbKeyGiven ? "https://wandb.ai/" + (params.wandbEntity == null ? "together"
                : params.wandbEntity) + "/" + (params.wandbProjectName == null ? "together"
                : params.wandbProjectName) + "/runs/" + core.id() : null;
        this.checkpointSteps = spread(core.totalSteps(), params.nCheckpoints - 1, false);
        this.evalSteps = params.validationFile == null ? List.of() : spread(core.totalSteps(), params.nEvals, true);
    }

    String id() {
        return core.id();
    }

    String outputName() {
        return core.fineTunedModel();
    }

    /**
     * Spreads {@code count} steps evenly over {@code total}: {@code round(i * total / n)} for i = 1..count, where
     * n is {@code count} when the last may be the final step, else {@code count + 1}; duplicates dropped.
     */
    private static List<Integer> spread(int total, int count, boolean includeLast) {
        List<Integer> steps = new ArrayList<>();
        int parts = includeLast ? count : count + 1;
        for (int i = 1; i <= count; i++) {
            int step = (int) Math.max(1, Math.round((double) i * total / parts));
            if ((includeLast || step < total) && !steps.contains(step)) {
                steps.add(step);
            }
        }
        return List.copyOf(steps);
    }
}
