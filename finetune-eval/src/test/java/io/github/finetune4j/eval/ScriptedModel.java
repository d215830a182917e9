package io.github.finetune4j.eval;

import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.Role;
import io.github.finetune4j.core.model.TokenUsage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A model whose answers a test scripts from the last user message; counts calls and records what it was sent. */
final class ScriptedModel extends FakeModel {
    final String name;
    final Function<String, String> answers;
    final AtomicInteger calls = new AtomicInteger();
    final List<List<Message>> received = new CopyOnWriteArrayList<>();

    ScriptedModel(String name, Function<String, String> answers) {
        this.name = name;
        this.answers = answers;
    }

    static String lastUser(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).content().orElse("");
            }
        }
        return "";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FineTunedModel withSystemPrompt(String prompt) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ChatResponse chat(List<Message> messages) {
        int n = calls.incrementAndGet();
        received.add(List.copyOf(messages));
        String text = answers.apply(lastUser(messages));
        return new ChatResponse("chatcmpl-" + n, name, text, Optional.of("stop"),
                Optional.of(new TokenUsage(10, 5, 15)));
    }
}
