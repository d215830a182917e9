package io.github.finetune4j.eval;

import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model whose first {@code gate} calls wait (bounded) until {@code gate} calls are in flight together, so a test
 * sees the pool's full concurrency; records the most calls ever in flight at once.
 */
final class GatedModel extends FakeModel {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final String name;
    private final CountDownLatch gate;

    GatedModel(String name, int gate) {
        this.name = name;
        this.gate = new CountDownLatch(gate);
    }

    @Override
    public ChatResponse chat(List<Message> messages) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            gate.countDown();
            if (!gate.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("the pool never reached the expected concurrency");
            }
            return new ChatResponse("id", name, "a", Optional.empty(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FineTuneInterruptedException("interrupted", e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public String name() {
        return name;
    }
}
