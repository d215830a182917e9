package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.spi.BatchCreation;
import io.github.finetune4j.core.spi.BatchSupport;
import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.RetryMode;

import java.util.Map;
import java.util.Objects;

/** The Batch API ({@code /batches}); offered with {@link OpenAiDialect.Feature#BATCHES}. */
final class ProtocolBatches implements BatchSupport {
    private final OpenAiProtocol protocol;
    private final BatchMapper batches;

    ProtocolBatches(OpenAiProtocol protocol) {
        this.protocol = protocol;
        this.batches = new BatchMapper(protocol.mapper(), protocol.dialect());
    }

    @Override
    public String batchInputLine(String customId, ChatRequest request) {
        return batches.inputLine(customId, request);
    }

    @Override
    public BatchChatRow batchOutputLine(String line) {
        return batches.outputLine(line);
    }

    /** Not repeated by the transport after it may have been sent: a second batch would be billed too. */
    @Override
    public BatchSnapshot createBatch(BatchCreation creation) {
        return batches.batch(protocol.send(protocol.request("POST", protocol.uri(Operation.BATCHES, "batches",
                Map.of())).body(HttpBody.json(batches.createBody(creation))).retryMode(RetryMode.NOT_IDEMPOTENT)
                .build()));
    }

    @Override
    public BatchSnapshot getBatch(BatchId id) {
        return batches.batch(protocol.send(protocol.request("GET", protocol.uri(Operation.BATCH,
                ProtocolUris.path("batches", Objects.requireNonNull(id, "id").value()), Map.of())).build()));
    }

    /** Cancelling only moves the batch along, so repeating it is safe. */
    @Override
    public BatchSnapshot cancelBatch(BatchId id) {
        return batches.batch(protocol.send(protocol.request("POST", protocol.uri(Operation.BATCH,
                        ProtocolUris.path("batches", Objects.requireNonNull(id, "id").value(), "cancel"), Map.of()))
                .retryMode(RetryMode.IDEMPOTENT).build()));
    }
}
