package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.spi.BatchCreation;
import io.github.finetune4j.core.spi.BatchWire;
import io.github.finetune4j.core.spi.HttpResult;

import java.util.Objects;

/**
 * Batches: the shared batch JSON of the core with the protocol's chat mapping plugged in. Every line names its
 * model in the body (on Azure, a global batch deployment) and calls the dialect's {@link OpenAiDialect#batchLineUrl()}.
 */
final class BatchMapper {
    private final ObjectMapper mapper;
    private final BatchWire wire;
    private final String lineUrl;

    BatchMapper(ObjectMapper mapper, OpenAiDialect dialect) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.wire = new BatchWire(mapper, dialect.providerId());
        this.lineUrl = dialect.batchLineUrl();
    }

    String inputLine(String customId, ChatRequest request) {
        return wire.inputLine(Objects.requireNonNull(customId, "customId"), lineUrl,
                ChatMapper.toWire(Objects.requireNonNull(request, "request"), true));
    }

    BatchChatRow outputLine(String line) {
        return wire.outputLine(Objects.requireNonNull(line, "line"),
                body -> ChatMapper.fromWire(mapper.treeToValue(body, ChatCompletionDto.class), ""));
    }

    byte[] createBody(BatchCreation creation) {
        return wire.createBody(Objects.requireNonNull(creation, "creation"), lineUrl);
    }

    BatchSnapshot batch(HttpResult result) {
        return wire.batch(result);
    }
}
