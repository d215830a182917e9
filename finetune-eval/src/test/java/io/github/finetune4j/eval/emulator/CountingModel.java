package io.github.finetune4j.eval.emulator;

import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.eval.FakeModel;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Delegates to a model and records the most calls in flight at once. */
final class CountingModel extends FakeModel {
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final FineTunedModel delegate;

    CountingModel(FineTunedModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public ChatResponse chat(List<Message> messages) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            return delegate.chat(messages);
        } finally {
            inFlight.decrementAndGet();
        }
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
