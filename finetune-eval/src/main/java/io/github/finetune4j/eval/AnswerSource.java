package io.github.finetune4j.eval;

import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;

import java.util.List;

/** Where a row's answer comes from: a request to the candidate, or a provider batch that already ran. */
@FunctionalInterface
interface AnswerSource {
    /**
     * The candidate's answer to the messages.
     *
     * @param messages what the candidate is asked
     * @return the answer
     * @throws io.github.finetune4j.core.error.FineTuneException if the candidate could not answer
     */
    ChatResponse send(List<Message> messages);
}
