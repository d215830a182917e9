package io.github.finetune4j.eval;

import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.model.Message;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A judge model: asks any chat model of the same client to grade an answer against the reference with a rubric,
 * and parses the grade from its reply ({@code Score: 7}). The grade is mapped linearly from the scale onto [0, 1];
 * a reply without a grade in range is a missing score. Immutable and thread-safe.
 *
 * <pre>{@code
 * JudgeScorer judge = JudgeScorer.builder()
 *         .model(client.model("gpt-4.1-2025-04-14").withTemperature(0))
 *         .rubric("The answer must give the same advice as the reference, politely, in German.")
 *         .scale(1, 5)
 *         .build();
 * }</pre>
 *
 * <p>Each judged answer is one more chat request to the judge model; the evaluation caches its scores with the
 * answers, so a re-run does not ask again.
 */
public final class JudgeScorer implements Scorer {
    /** The default name. */
    public static final String DEFAULT_NAME = "judge";
    /** The default lowest grade. */
    public static final int DEFAULT_MIN = 1;
    /** The default highest grade. */
    public static final int DEFAULT_MAX = 10;

    private static final Pattern LABELLED = Pattern.compile(
            "(?i)\\b(?:score|grade|rating|note|bewertung)\\b\\s*[:=]?\\s*\\**\\s*(-?\\d+(?:[.,]\\d+)?)");
    private static final Pattern BARE = Pattern.compile("^\\s*(-?\\d+(?:[.,]\\d+)?)\\s*(?:/\\s*\\d+)?\\s*\\.?\\s*$");
    private static final int EXPLANATION_LIMIT = 300;

    private final String name;
    private final FineTunedModel model;
    private final String rubric;
    private final int min;
    private final int max;

    private JudgeScorer(Builder b) {
        this.name = b.name;
        this.model = b.model;
        this.rubric = b.rubric;
        this.min = b.min;
        this.max = b.max;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Asks the judge model once and parses its grade.
     *
     * @param example the example, whose question and reference are shown to the judge
     * @param answer the answer to grade
     * @return the grade mapped to [0, 1], or missing when the reply has no grade in range
     * @throws io.github.finetune4j.core.error.FineTuneException if the judge model cannot be asked
     */
    @Override
    public Score score(EvalExample example, String answer) {
        String reply = model.chat(List.of(Message.system(systemPrompt()), Message.user(userPrompt(example, answer))))
                .text();
        OptionalDouble grade = parseGrade(reply);
        String explanation = abbreviate(reply.strip());
        if (grade.isEmpty()) {
            return Score.missing("judge reply has no grade: " + explanation);
        }
        double g = grade.getAsDouble();
        if (g < min || g > max) {
            return Score.missing("judge grade " + g + " is outside " + min + ".." + max + ": " + explanation);
        }
        return Score.of((g - min) / (max - min), explanation);
    }

    /**
     * Finds the grade in a judge's reply: the number after {@code Score:} (also {@code Grade}, {@code Rating},
     * {@code Note}, {@code Bewertung}; case-insensitive, markdown bold allowed), else a reply that is only a number
     * (optionally {@code 7/10}).
     *
     * @param reply the judge's reply
     * @return the grade, or empty when none is found
     */
    public static OptionalDouble parseGrade(String reply) {
        Matcher m = LABELLED.matcher(reply);
        if (!m.find()) {
            m = BARE.matcher(reply);
            if (!m.find()) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.of(Double.parseDouble(m.group(1).replace(',', '.')));
    }

    private String systemPrompt() {
        return "You are a strict grader. Grade the answer to the conversation below against the reference answer, "
                + "following the rubric.\n\nRubric:\n" + rubric + "\n\nReply with a first line of the form 'Score: N', "
                + "where N is a whole number from " + min + " (worst) to " + max + " (best), then one sentence "
                + "explaining the grade.";
    }

    private static String userPrompt(EvalExample example, String answer) {
        StringBuilder conversation = new StringBuilder();
        for (Message m : example.prompt()) {
            conversation.append(m.role().name().toLowerCase(Locale.ROOT)).append(": ")
                    .append(m.content().orElse("")).append('\n');
        }
        return "Conversation:\n" + conversation + "\nReference answer:\n" + example.reference()
                + "\n\nAnswer to grade:\n" + answer;
    }

    private static String abbreviate(String text) {
        return text.length() > EXPLANATION_LIMIT ? text.substring(0, EXPLANATION_LIMIT) + "…" : text;
    }

    @Override
    public String toString() {
        return "JudgeScorer[" + name + ", " + model.name() + ", " + min + ".." + max + "]";
    }

    /** Builds a {@link JudgeScorer}. Not thread-safe. */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private FineTunedModel model;
        private String rubric;
        private int min = DEFAULT_MIN;
        private int max = DEFAULT_MAX;

        private Builder() {
        }

        /**
         * Sets the scorer's name. Default: {@value JudgeScorer#DEFAULT_NAME}.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the judge model; a temperature of 0 makes grades repeatable.
         *
         * @param model any chat model of the client
         * @return this builder
         */
        public Builder model(FineTunedModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets the rubric: what makes an answer good.
         *
         * @param rubric the rubric in words
         * @return this builder
         */
        public Builder rubric(String rubric) {
            this.rubric = Objects.requireNonNull(rubric, "rubric");
            return this;
        }

        /**
         * Sets the grading scale. Default: 1 to 10.
         *
         * @param min the worst grade
         * @param max the best grade, greater than {@code min}
         * @return this builder
         * @throws IllegalArgumentException if {@code max <= min}
         */
        public Builder scale(int min, int max) {
            if (max <= min) {
                throw new IllegalArgumentException("max must be greater than min: " + min + ".." + max);
            }
            this.min = min;
            this.max = max;
            return this;
        }

        /**
         * Builds the scorer.
         *
         * @return the scorer
         * @throws IllegalStateException if the model or the rubric is missing
         */
        public JudgeScorer build() {
            if (model == null || rubric == null) {
                throw new IllegalStateException("a judge needs a model and a rubric: call model(...) and rubric(...)");
            }
            return new JudgeScorer(this);
        }
    }
}
