package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.Role;
import io.github.finetune4j.core.spi.FineTuneProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A model handle that sends chat completions through the provider. Immutable. */
final class DefaultFineTunedModel implements FineTunedModel {
    private final FineTuneProvider provider;
    private final String name;
    private final Optional<String> systemPrompt;
    private final Optional<Double> temperature;
    private final Optional<Integer> maxTokens;
    private final ModelReadiness readiness;

    DefaultFineTunedModel(FineTuneProvider provider, String name, Optional<String> systemPrompt,
                          Optional<Double> temperature, Optional<Integer> maxTokens, ModelReadiness readiness) {
        this.provider = provider;
        this.readiness = readiness;
        this.name = Objects.requireNonNull(name, "name");
        this.systemPrompt = systemPrompt;
        this.temperature = temperature;
        this.maxTokens = maxTokens;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> systemPrompt() {
        return systemPrompt;
    }

    @Override
    public FineTunedModel withSystemPrompt(String prompt) {
        return new DefaultFineTunedModel(provider, name, Optional.of(Objects.requireNonNull(prompt, "prompt")),
                temperature, maxTokens, readiness);
    }

    @Override
    public FineTunedModel withTemperature(double value) {
        if (value < 0 || value > 2) {
            throw new IllegalArgumentException("temperature must be in [0, 2]: " + value);
        }
        return new DefaultFineTunedModel(provider, name, systemPrompt, Optional.of(value), maxTokens, readiness);
    }

    @Override
    public FineTunedModel withMaxTokens(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxTokens must be positive: " + value);
        }
        return new DefaultFineTunedModel(provider, name, systemPrompt, temperature, Optional.of(value), readiness);
    }

    @Override
    public String chat(String question) {
        return chat(List.of(Message.user(Objects.requireNonNull(question, "question")))).text();
    }

    @Override
    public ChatResponse chat(List<Message> messages) {
        List<Message> all = new ArrayList<>();
        if (systemPrompt.isPresent() && (messages.isEmpty() || messages.get(0).role() != Role.SYSTEM)) {
            all.add(Message.system(systemPrompt.get()));
        }
        all.addAll(messages);
        ChatRequest.Builder request = ChatRequest.builder().model(name).messages(all);
        temperature.ifPresent(request::temperature);
        maxTokens.ifPresent(request::maxTokens);
        ChatRequest built = request.build();
        return readiness.call(() -> provider.chat(built));
    }

    @Override
    public String toString() {
        return "FineTunedModel[" + name + "]";
    }
}
