package io.github.finetune4j.testkit.internal.state;

import java.util.List;

/**
 * What the emulator keeps of a valid training file: the number of examples, a token estimate, and the
 * (question, answer) pairs the chat responder retrieves from.
 *
 * @param exampleCount the number of examples (non-blank lines)
 * @param pairs each assistant turn with the user turn before it
 * @param tokenEstimate the estimated tokens of all examples, about four characters per token
 * @param longExamples the number of examples above {@link #TOKEN_LIMIT} estimated tokens
 */
public record TrainingData(int exampleCount, List<QaPair> pairs, long tokenEstimate, int longExamples) {

    /** The training-example context of current base models, in tokens. */
    public static final int TOKEN_LIMIT = 65_536;

    /**
     * One user turn and the assistant turn that answers it.
     *
     * @param question the user's text
     * @param answer the assistant's text
     */
    public record QaPair(String question, String answer) {
    }
    public TrainingData {
        pairs = List.copyOf(pairs);
    }
}
