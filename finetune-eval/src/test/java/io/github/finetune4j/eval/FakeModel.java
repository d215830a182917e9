package io.github.finetune4j.eval;

import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;

import java.util.List;
import java.util.Optional;

/**
 * Base of the test models: only {@link #chat(List)} and {@link #name()} vary; the settings are ignored and
 * {@link #chat(String)} asks one user question.
 */
public abstract class FakeModel implements FineTunedModel {
    @Override
    public abstract ChatResponse chat(List<Message> messages);

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
}
