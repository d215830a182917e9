package io.github.finetune4j.eval.emulator;

import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.eval.FakeModel;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Delegates to a model until its n-th call, which throws as if the process had crashed there. */
final class CrashingModel extends FakeModel {
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
}
