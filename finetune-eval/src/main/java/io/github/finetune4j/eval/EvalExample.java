package io.github.finetune4j.eval;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.Example;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One held-out example: the conversation up to (not including) its last assistant turn, and that turn's text as the
 * reference answer.
 *
 * <pre>{@code
 * List<EvalExample> heldOut = EvalExample.fromDataset(Dataset.fromJsonl(Path.of("validation.jsonl")));
 * EvalExample one = EvalExample.of("pril", List.of(Message.system(prompt), Message.user("Geht Pril?")),
 *         "Wir empfehlen spezielle Reinigungsmittel ...");
 * }</pre>
 *
 * @param id a stable identifier, unique in the evaluation; the result cache is keyed by it
 * @param prompt the messages sent to each candidate, at least one
 * @param reference the expected answer
 */
public record EvalExample(String id, List<Message> prompt, String reference) {
    /**
     * Validates the components.
     *
     * @param id a stable identifier, unique in the evaluation; the result cache is keyed by it
     * @param prompt the messages sent to each candidate, at least one
     * @param reference the expected answer
     */
    public EvalExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reference, "reference");
        prompt = List.copyOf(Objects.requireNonNull(prompt, "prompt"));
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (prompt.isEmpty()) {
            throw new IllegalArgumentException("example " + id + " has an empty prompt");
        }
    }

    /**
     * An example from its parts.
     *
     * @param id the identifier
     * @param prompt the messages sent
     * @param reference the expected answer
     * @return the example
     */
    public static EvalExample of(String id, List<Message> prompt, String reference) {
        return new EvalExample(id, prompt, reference);
    }

    /**
     * Splits a training example at its last assistant turn.
     *
     * @param id the identifier to give it
     * @param example a conversation with at least one assistant message with text
     * @return the example
     * @throws IllegalArgumentException if the conversation has no assistant message with text
     */
    public static EvalExample fromExample(String id, Example example) {
        List<Message> messages = example.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m.role() == Role.ASSISTANT && m.content().isPresent()) {
                return new EvalExample(id, messages.subList(0, i), m.content().get());
            }
        }
        throw new IllegalArgumentException("example " + id + " has no assistant message with text");
    }

    /**
     * Every supervised example of a dataset (the validation split, or any held-out set), with ids
     * {@code ex-0001}, {@code ex-0002}, ... in file order. Reads the dataset once.
     *
     * @param dataset the dataset
     * @return the examples
     * @throws IllegalArgumentException if an example has no assistant message with text
     */
    public static List<EvalExample> fromDataset(Dataset dataset) {
        List<EvalExample> out = new ArrayList<>();
        try (Stream<Example> examples = dataset.examples()) {
            examples.forEach(e -> out.add(fromExample(String.format(Locale.ROOT, "ex-%04d", out.size() + 1), e)));
        }
        return List.copyOf(out);
    }

    /**
     * The text of the last user message, for tables and judge prompts.
     *
     * @return the question, or an empty string when the prompt has no user message with text
     */
    public String question() {
        for (int i = prompt.size() - 1; i >= 0; i--) {
            Message m = prompt.get(i);
            if (m.role() == Role.USER && m.content().isPresent()) {
                return m.content().get();
            }
        }
        return "";
    }
}
