package io.github.finetune4j.eval;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.model.Example;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One contender of an evaluation: a model plus how it is prompted. Every candidate gets each example's prompt;
 * a candidate may replace its system prompt and put few-shot examples (taken from the training data) before the
 * conversation, which is how a base model is usually made to imitate a fine-tuned one.
 *
 * <pre>{@code
 * Candidate tuned = Candidate.of("fine-tuned", client.model(done));
 * Candidate base = Candidate.of("base", client.model(done.baseModel()));
 * Candidate fewShot = Candidate.builder().name("base + 4 shots").model(client.model(done.baseModel()))
 *         .fewShot(trainingData, 4).build();
 * }</pre>
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()} or {@link #of}.
 *
 * @param name a short, unique, stable name; the result cache is keyed by it
 * @param model the model to ask
 * @param systemPrompt a system prompt that replaces the example's, if set
 * @param fewShotExamples conversations put after the system prompt and before the example, in order
 */
public record Candidate(String name, FineTunedModel model, Optional<String> systemPrompt,
                        List<Example> fewShotExamples) {
    /**
     * Validates the components.
     *
     * @param name a short, unique, stable name; the result cache is keyed by it
     * @param model the model to ask
     * @param systemPrompt a system prompt that replaces the example's, if set
     * @param fewShotExamples conversations put after the system prompt and before the example, in order
     */
    public Candidate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        systemPrompt = systemPrompt == null ? Optional.empty() : systemPrompt;
        fewShotExamples = fewShotExamples == null ? List.of() : List.copyOf(fewShotExamples);
    }

    /**
     * A candidate that gets each example's prompt unchanged.
     *
     * @param name the name
     * @param model the model
     * @return the candidate
     */
    public static Candidate of(String name, FineTunedModel model) {
        return builder().name(name).model(model).build();
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this candidate's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).model(model).fewShotExamples(fewShotExamples);
        b.systemPrompt = systemPrompt;
        return b;
    }

    /**
     * The messages this candidate sends for an example: the system prompt (the candidate's, else the example's),
     * then the few-shot conversations without their system messages, then the rest of the example's prompt.
     *
     * @param example the example
     * @return the messages to send
     */
    public List<Message> messagesFor(EvalExample example) {
        List<Message> prompt = example.prompt();
        int firstNonSystem = 0;
        while (firstNonSystem < prompt.size() && prompt.get(firstNonSystem).role() == Role.SYSTEM) {
            firstNonSystem++;
        }
        List<Message> out = new ArrayList<>();
        if (systemPrompt.isPresent()) {
            out.add(Message.system(systemPrompt.get()));
        } else {
            out.addAll(prompt.subList(0, firstNonSystem));
        }
        for (Example shot : fewShotExamples) {
            shot.messages().stream().filter(m -> m.role() != Role.SYSTEM).forEach(out::add);
        }
        out.addAll(prompt.subList(firstNonSystem, prompt.size()));
        return List.copyOf(out);
    }

    /** Builds a {@link Candidate}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private FineTunedModel model;
        private Optional<String> systemPrompt = Optional.empty();
        private final List<Example> fewShotExamples = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the name.
         *
         * @param name short, unique and stable, for example {@code fine-tuned}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the model.
         *
         * @param model the model, for example {@code client.model(done.baseModel())}
         * @return this builder
         */
        public Builder model(FineTunedModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Replaces each example's system prompt. Default: the example's own.
         *
         * @param prompt the system prompt
         * @return this builder
         */
        public Builder systemPrompt(String prompt) {
            this.systemPrompt = Optional.of(Objects.requireNonNull(prompt, "prompt"));
            return this;
        }

        /**
         * Replaces the few-shot examples.
         *
         * @param examples the conversations, in order
         * @return this builder
         */
        public Builder fewShotExamples(List<Example> examples) {
            this.fewShotExamples.clear();
            examples.forEach(this::addFewShotExample);
            return this;
        }

        /**
         * Appends a few-shot example.
         *
         * @param example a conversation
         * @return this builder
         */
        public Builder addFewShotExample(Example example) {
            this.fewShotExamples.add(Objects.requireNonNull(example, "example"));
            return this;
        }

        /**
         * Uses the first {@code count} supervised examples of a dataset (usually the training data) as few-shot
         * examples. Reads the dataset.
         *
         * @param training the dataset
         * @param count how many, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is less than 1
         */
        public Builder fewShot(Dataset training, int count) {
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1: " + count);
            }
            try (Stream<Example> examples = training.examples()) {
                return fewShotExamples(examples.limit(count).collect(Collectors.toList()));
            }
        }

        /**
         * Builds the candidate.
         *
         * @return the candidate
         * @throws IllegalStateException if the name or the model is missing
         */
        public Candidate build() {
            if (name == null || model == null) {
                throw new IllegalStateException("a candidate needs a name and a model: call name(...) and model(...)");
            }
            return new Candidate(name, model, systemPrompt, fewShotExamples);
        }
    }
}
