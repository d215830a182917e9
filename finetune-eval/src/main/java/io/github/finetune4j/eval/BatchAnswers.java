package io.github.finetune4j.eval;

import io.github.finetune4j.core.BatchChatRequest;
import io.github.finetune4j.core.BatchChatResult;
import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.BatchOptions;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.Role;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks one candidate all its pending examples as one provider batch, then answers the row tasks from the result: a
 * row the batch answered gets its response, a row that failed (or a batch that failed as a whole) gets an error
 * that the row task records as a failed, uncached row.
 */
final class BatchAnswers {
    private static final System.Logger LOG = System.getLogger(BatchAnswers.class.getName());

    private final Map<String, BatchChatRow> rows;
    private final FineTuneException failure;

    private BatchAnswers(Map<String, BatchChatRow> rows, FineTuneException failure) {
        this.rows = rows;
        this.failure = failure;
    }

    /**
     * Runs the batch of one candidate; blocks until it ends or the run's deadline.
     *
     * @param mode the Batch API and options
     * @param candidate the candidate
     * @param pending the examples without a cached answer, at least one
     * @param deadlineNanos the run's deadline on the {@link System#nanoTime()} scale
     * @param requests counts the requests sent
     * @return the answers
     */
    static BatchAnswers fetch(BatchMode mode, Candidate candidate, List<EvalExample> pending, long deadlineNanos,
                              AtomicInteger requests) {
        List<BatchChatRequest> batch = new ArrayList<>(pending.size());
        Map<String, String> exampleOf = new HashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            String customId = "row-" + (i + 1);
            exampleOf.put(customId, pending.get(i).id());
            batch.add(BatchChatRequest.of(customId, request(candidate, pending.get(i))));
        }
        requests.addAndGet(batch.size());
        try {
            BatchChatResult result = mode.chat().run(batch, withinDeadline(mode.options(), deadlineNanos));
            Map<String, BatchChatRow> byExample = new HashMap<>();
            result.rows().forEach(r -> byExample.put(exampleOf.get(r.customId()), r));
            LOG.log(System.Logger.Level.INFO, "batch {0} for candidate {1}: {2} of {3} rows failed",
                    result.batch().id(), candidate.name(), result.failures().size(), batch.size());
            return new BatchAnswers(byExample, null);
        } catch (FineTuneInterruptedException e) {
            throw e;
        } catch (FineTuneException e) {
            LOG.log(System.Logger.Level.WARNING, "batch for candidate {0} failed: {1}", candidate.name(),
                    e.getMessage());
            return new BatchAnswers(Map.of(), e);
        }
    }

    /**
     * The answer source of one example.
     *
     * @param example the example
     * @return a source that returns the batch's answer or throws its error
     */
    AnswerSource answerFor(EvalExample example) {
        return messages -> answer(example.id());
    }

    private ChatResponse answer(String exampleId) {
        if (failure != null) {
            throw failure;
        }
        BatchChatRow row = rows.get(exampleId);
        if (row == null) {
            throw new FineTuneException("the batch returned no row for example " + exampleId, null);
        }
        return row.response().orElseThrow(() -> new FineTuneException("batch row failed: "
                + row.error().orElseThrow(), null));
    }

    /** The request the candidate's model would send online: its system prompt unless the messages have one. */
    static ChatRequest request(Candidate candidate, EvalExample example) {
        FineTunedModel model = candidate.model();
        List<Message> messages = candidate.messagesFor(example);
        List<Message> all = new ArrayList<>();
        if (model.systemPrompt().isPresent() && (messages.isEmpty() || messages.get(0).role() != Role.SYSTEM)) {
            all.add(Message.system(model.systemPrompt().get()));
        }
        all.addAll(messages);
        return ChatRequest.builder().model(model.name()).messages(all).build();
    }

    /** The batch never waits past the run's deadline. */
    private static BatchOptions withinDeadline(BatchOptions options, long deadlineNanos) {
        Duration left = Duration.ofNanos(Math.max(1_000_000L, deadlineNanos - System.nanoTime()));
        WaitOptions wait = options.waitOptions();
        if (wait.timeout().compareTo(left) <= 0) {
            return options;
        }
        return options.toBuilder().waitOptions(wait.toBuilder().timeout(left).build()).build();
    }
}
