package io.github.finetune4j.eval;

import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A model that never answers: every call waits (at most 10 s) until its thread is interrupted. */
final class BlockingModel extends FakeModel {
    final CountDownLatch interrupted = new CountDownLatch(1);
    private final String name;
    private final CountDownLatch never = new CountDownLatch(1);

    BlockingModel(String name) {
        this.name = name;
    }

    @Override
    public ChatResponse chat(List<Message> messages) {
        try {
            never.await(10, TimeUnit.SECONDS);
            throw new AssertionError("BlockingModel was not interrupted within 10 s");
        } catch (InterruptedException e) {
            interrupted.countDown();
            Thread.currentThread().interrupt();
            throw new FineTuneInterruptedException("interrupted", e);
        }
    }

    @Override
    public String name() {
        return name;
    }
}
