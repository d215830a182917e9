package io.github.finetune4j.eval.emulator;

import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Delegates to a model until its n-th call, which throws as if the process had crashed there. */
final class CrashingModel implements FineTunedModel {
    private final FineTunedModel delegate;
    private final int crashAt;
    private final AtomicInteger calls;

    CrashingModel(FineTunedModel delegate, int crashAt, AtomicInteger calls) {
        this.delegate = delegate;
        this.crashAt = crashAt;
        this.calls = calls;
    }

    @Override
    public ChatResponse chat(List<Message> messages) {
        if (calls.incrementAndGet() == crashAt) {
            throw new IllegalStateException("simulated crash");
        }
        return delegate.chat(messages);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Optional<String> systemPrompt() {
        return delegate.systemPrompt();
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
