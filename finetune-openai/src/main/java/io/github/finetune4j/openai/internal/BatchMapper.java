package io.github.finetune4j.openai.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.spi.BatchCreation;
import io.github.finetune4j.core.spi.BatchWire;
import io.github.finetune4j.core.spi.HttpResult;

import java.util.Objects;

/** OpenAI's batches: the shared batch JSON of the core, with OpenAI's chat completion mapping plugged in. */
public final class BatchMapper {
    private final ObjectMapper mapper;
    private final BatchWire wire;
    private final String lineUrl;

    /**
     * Creates a mapper.
     *
     * @param mapper the JSON mapper
     * @param providerId the provider id, for errors
     * @param lineUrl the endpoint of the batch and the {@code url} of every input line, {@code /v1/chat/completions}
     */
    public BatchMapper(ObjectMapper mapper, String providerId, String lineUrl) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.wire = new BatchWire(mapper, providerId);
        this.lineUrl = Objects.requireNonNull(lineUrl, "lineUrl");
    }

    String inputLine(String customId, ChatRequest request) {
        return wire.inputLine(customId, lineUrl, ChatMapper.toWire(request));
    }

    BatchChatRow outputLine(String line) {
        return wire.outputLine(line, body -> ChatMapper.fromWire(mapper.treeToValue(body, ChatCompletionDto.class)));
    }

    byte[] createBody(BatchCreation creation) {
        return wire.createBody(creation, lineUrl);
    }

    BatchSnapshot batch(HttpResult result) {
        return wire.batch(result);
    }
}
