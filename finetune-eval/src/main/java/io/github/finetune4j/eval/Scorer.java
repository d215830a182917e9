package io.github.finetune4j.eval;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Scores a candidate's answer against an example's reference. Implementations must be thread-safe: an evaluation
 * calls them from several threads at once. See {@link Scorers} for the built-in ones.
 *
 * <pre>{@code
 * Scorer mentionsFilter = Scorer.of("mentions_filter",
 *         (example, answer) -> Score.of(answer.toLowerCase(Locale.ROOT).contains("filter") ? 1 : 0));
 * }</pre>
 */
public interface Scorer {
    /**
     * The scorer's name: a column of the results and the key of its scores in the cache, so keep it stable.
     *
     * @return a short name, for example {@code token_f1}
     */
    String name();

    /**
     * Scores one answer. May do I/O (a judge model asks a model).
     *
     * @param example the example, with its prompt and reference
     * @param answer the candidate's answer
     * @return the score; {@link Score#missing(String)} when undecidable
     * @throws io.github.finetune4j.core.error.FineTuneException if a model it asks fails; the score is then missing
     *     for this run and tried again on the next
     */
    Score score(EvalExample example, String answer);

    /**
     * A scorer from a name and a function.
     *
     * @param name the scorer's name
     * @param function the scoring function; must be thread-safe
     * @return the scorer
     */
    static Scorer of(String name, BiFunction<EvalExample, String, Score> function) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        return new Scorer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Score score(EvalExample example, String answer) {
                return function.apply(example, answer);
            }

            @Override
            public String toString() {
                return "Scorer[" + name + "]";
            }
        };
    }
}
