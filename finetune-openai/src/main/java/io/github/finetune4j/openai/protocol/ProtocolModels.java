package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.spi.ModelCatalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The model catalog ({@code GET /models}, {@code /models/{id}}); offered with {@link OpenAiDialect.Feature#MODEL_CATALOG}.
 * Every model is completed by the dialect ({@link OpenAiDialect#completeModel}).
 */
final class ProtocolModels implements ModelCatalog {
    private final OpenAiProtocol protocol;

    ProtocolModels(OpenAiProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public ModelInfo getModel(String model) {
        return protocol.reader().read(protocol.send(protocol.request("GET", protocol.uri(Operation.MODEL,
                ProtocolUris.path("models", requireModel(model)), Map.of())).build()), ModelDto.class, this::fromWire,
                "model");
    }

    @Override
    public List<ModelInfo> listModels() {
        return protocol.reader().readList(protocol.send(protocol.request("GET",
                protocol.uri(Operation.MODELS, "models", Map.of())).build()), ModelDto.class, this::fromWire,
                "model list");
    }

    private ModelInfo fromWire(ModelDto dto) {
        return protocol.dialect().completeModel(ModelMapper.fromWire(dto));
    }

    static String requireModel(String model) {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        return model;
    }
}
