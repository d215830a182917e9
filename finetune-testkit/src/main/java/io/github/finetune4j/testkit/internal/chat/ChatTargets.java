package io.github.finetune4j.testkit.internal.chat;

import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.JobView;
import io.github.finetune4j.testkit.internal.state.ModelRecord;

import java.util.Optional;

/**
 * Finds what answers for a model id: a base model (generic answer), a fine-tuned model or one of its kept
 * checkpoints (nearest training answer). Call inside an {@link EmulatorState#transaction}.
 */
public final class ChatTargets {

    private ChatTargets() {
    }

    /**
     * Answers a question as a model.
     *
     * @param state the state, inside a transaction
     * @param model the model id: base model, fine-tuned model or checkpoint model
     * @param question the last user message, or null
     * @return the answer, or empty when the model is unknown
     */
    public static Optional<String> answer(EmulatorState state, String model, String question) {
        Optional<ModelRecord> known = state.models().get(model);
        if (known.isPresent()) {
            ModelRecord record = known.get();
            if (!record.isFineTuned()) {
                return Optional.of(ChatResponder.base(model, question));
            }
            return Optional.of(ChatResponder.fineTuned(state.jobs().get(record.jobId()).chatIndex(), question));
        }
        return checkpointJob(state, model).map(job -> ChatResponder.fineTuned(job.chatIndex(), question));
    }

    /**
     * Resolves what an ARM deployment's {@code properties.model} names: a fine-tuned model, a checkpoint model
     * ({@code <model>:ckpt-step-N}), a checkpoint id, or a base model (given whole, or as name plus version, e.g.
     * {@code gpt-4o-mini} and {@code 2024-07-18}).
     *
     * @param state the state, inside a transaction
     * @param name the model name
     * @param version the model version, or null
     * @return the model id chat answers as, or empty when nothing of that name exists
     */
    public static Optional<String> deployable(EmulatorState state, String name, String version) {
        Optional<ModelRecord> known = state.models().get(name);
        if (known.isPresent()) {
            return Optional.of(name);
        }
        if (version != null && state.models().get(name + "-" + version).filter(m -> !m.isFineTuned()).isPresent()) {
            return Optional.of(name + "-" + version);
        }
        if (checkpointJob(state, name).isPresent()) {
            return Optional.of(name);
        }
        for (JobRecord job : state.jobsNewestFirst()) {
            for (JobView.Checkpoint checkpoint : state.jobs().view(job).checkpoints()) {
                if (checkpoint.id().equals(name)) {
                    return Optional.of(checkpoint.model());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<JobRecord> checkpointJob(EmulatorState state, String model) {
        for (JobRecord job : state.jobsNewestFirst()) {
            if (model.startsWith(job.fineTunedModel() + ":ckpt-step-")) {
                JobView view = state.jobs().view(job);
                if (view.checkpoints().stream().anyMatch(c -> c.model().equals(model))) {
                    return Optional.of(job);
                }
            }
        }
        return Optional.empty();
    }
}
