package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.spi.ModelDeletion;

import java.util.Map;

/** {@code DELETE /models/{id}}; offered with {@link OpenAiDialect.Feature#MODEL_DELETION}. */
final class ProtocolModelDeletion implements ModelDeletion {
    private final OpenAiProtocol protocol;

    ProtocolModelDeletion(OpenAiProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public boolean deleteModel(String model) {
        return protocol.reader().read(protocol.send(protocol.request("DELETE", protocol.uri(Operation.MODEL,
                        ProtocolUris.path("models", ProtocolModels.requireModel(model)), Map.of())).build()),
                DeletedDto.class, FileMapper::deleted, "model deletion");
    }
}
