package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.spi.JobCreation;

/**
 * Encodes the create-job body for a dialect: {@code model}, {@code training_file}, {@code validation_file},
 * {@code suffix}, {@code seed}; the hyperparameters in {@code method} or at the top level; {@code metadata} (the
 * client's idempotency key) where the dialect sends it; the dialect's own fields; then the unsupported extra body
 * properties merged at the top level. An extra property replaces a known one of the same name, except
 * {@code metadata}: extra metadata pairs are added, but the request's own pairs (the idempotency key) win.
 */
final class CreateJobBody {
    private static final String METADATA = "metadata";

    private CreateJobBody() {
    }

    static ObjectNode toTree(ObjectMapper mapper, OpenAiDialect dialect, JobCreation creation) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", creation.baseModel());
        body.put("training_file", creation.trainingFile().value());
        creation.validationFile().ifPresent(f -> body.put("validation_file", f.value()));
        creation.suffix().ifPresent(s -> body.put("suffix", s));
        creation.seed().ifPresent(s -> body.put("seed", s));
        ObjectNode hyperparameters = Hyperparams.toWire(creation.hyperparameters(), dialect.sendsAutoValues());
        if (dialect.hyperparameterPlacement(creation.method()) == OpenAiDialect.HyperparameterPlacement.TOP_LEVEL) {
            if (hyperparameters != null) {
                body.set("hyperparameters", hyperparameters);
            }
        } else {
            ObjectNode method = body.putObject("method");
            method.put("type", creation.method().wireName());
            if (hyperparameters != null) {
                method.putObject(creation.method().wireName()).set("hyperparameters", hyperparameters);
            }
        }
        if (dialect.sendsMetadata() && !creation.metadata().isEmpty()) {
            ObjectNode metadata = body.putObject(METADATA);
            creation.metadata().forEach(metadata::put);
        }
        dialect.completeJobBody(body, creation);
        creation.extraBodyProperties().forEach((name, value) -> {
            JsonNode extra = mapper.valueToTree(value);
            JsonNode own = body.get(name);
            if (METADATA.equals(name) && own instanceof ObjectNode && extra.isObject()) {
                ObjectNode merged = ((ObjectNode) extra).deepCopy();
                merged.setAll((ObjectNode) own);
                body.set(name, merged);
            } else {
                body.set(name, extra);
            }
        });
        return body;
    }
}
