package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.spi.BatchCreation;
import io.github.finetune4j.core.spi.BatchWire;
import io.github.finetune4j.core.spi.HttpResult;

import java.util.Objects;

/**
 * Azure's batches: the shared batch JSON of the core with Azure's chat mapping plugged in. Every line names the
 * global batch deployment as {@code model} and calls {@value #ENDPOINT}.
 */
final class BatchMapper {
    static final String ENDPOINT = "/chat/completions";

    private final ObjectMapper mapper;
    private final BatchWire wire;

    BatchMapper(ObjectMapper mapper, String providerId) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.wire = new BatchWire(mapper, providerId);
    }

    String inputLine(String customId, ChatRequest request) {
        return wire.inputLine(Objects.requireNonNull(customId, "customId"), ENDPOINT,
                ChatMapper.toWire(Objects.requireNonNull(request, "request"), true));
    }

    BatchChatRow outputLine(String line) {
        return wire.outputLine(line, body -> ChatMapper.fromWire(mapper.treeToValue(body, ChatDtos.Completion.class), ""));
    }

    byte[] createBody(BatchCreation creation) {
        return wire.createBody(Objects.requireNonNull(creation, "creation"), ENDPOINT);
    }

    BatchSnapshot batch(HttpResult result) {
        return wire.batch(result);
    }
}
