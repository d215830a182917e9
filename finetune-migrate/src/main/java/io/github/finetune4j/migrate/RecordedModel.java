package io.github.finetune4j.migrate;

import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The old model as the snapshot recorded it: answers each recorded prompt with its golden answer, without a
 * request, so that the comparison can score the old model even after its shutdown. Settings (temperature, system
 * prompt) do not apply to recorded answers. Immutable and thread-safe.
 */
final class RecordedModel implements FineTunedModel {
    private final String name;
    private final Map<List<Message>, String> answers;

    RecordedModel(String name, Map<List<Message>, String> answers) {
        this.name = Objects.requireNonNull(name, "name");
        this.answers = new HashMap<>(answers);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> systemPrompt() {
        return Optional.empty();
    }

    @Override
    public FineTunedModel withSystemPrompt(String prompt) {
        return this;
    }

    @Override
    public FineTunedModel withTemperature(double temperature) {
        return this;
    }

    @Override
    public FineTunedModel withMaxTokens(int maxTokens) {
        return this;
    }

    @Override
    public String chat(String question) {
        return chat(List.of(Message.user(question))).text();
    }

    @Override
    public ChatResponse chat(List<Message> messages) {
        String answer = answers.get(List.copyOf(messages));
        if (answer == null) {
            throw new FineTuneException("no golden answer of " + name + " was recorded for this prompt", null);
        }
        return new ChatResponse("recorded", name, answer, Optional.of("stop"), Optional.empty());
    }

    @Override
    public String toString() {
        return "RecordedModel[" + name + ", " + answers.size() + " answers]";
    }
}
