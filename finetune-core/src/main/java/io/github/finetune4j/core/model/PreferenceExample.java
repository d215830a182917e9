package io.github.finetune4j.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A DPO training example: a prompt and two answers, one preferred over the other.
 *
 * @param input the conversation up to the answer
 * @param preferred the better assistant answer
 * @param nonPreferred the worse assistant answer
 */
public record PreferenceExample(List<Message> input, Message preferred, Message nonPreferred)
        implements TrainingRecord {
    /**
     * Validates the components.
     *
     * @param input the conversation up to the answer
     * @param preferred the better assistant answer
     * @param nonPreferred the worse assistant answer
     */
    public PreferenceExample {
        input = List.copyOf(Objects.requireNonNull(input, "input"));
        if (input.isEmpty()) {
            throw new IllegalArgumentException("a preference example needs at least one input message");
        }
        Objects.requireNonNull(preferred, "preferred");
        Objects.requireNonNull(nonPreferred, "nonPreferred");
        if (preferred.role() != Role.ASSISTANT || nonPreferred.role() != Role.ASSISTANT) {
            throw new IllegalArgumentException("preferred and non-preferred outputs must be assistant messages");
        }
    }

    @Override
    public FineTuneMethod method() {
        return FineTuneMethod.DPO;
    }
}
