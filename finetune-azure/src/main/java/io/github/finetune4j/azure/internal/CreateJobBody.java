package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.azure.AzureApiRoute;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.spi.JobCreation;

/**
 * Encodes the create-job body.
 *
 * <p>Dated GA route ({@code FineTuningJobCreation}): {@code model}, {@code training_file}, {@code validation_file},
 * {@code suffix}, {@code seed}, numeric {@code hyperparameters}; no {@code method} (DPO is refused locally) and no
 * {@code metadata}. v1 (and dated previews from 2025-04-01): the OpenAI {@code method} shape, and on v1 the
 * {@code metadata} with the client's idempotency key. Both: {@code trainingType}. The unsupported extra body
 * properties are merged last, at the top level, and win; extra {@code metadata} pairs are added, but the request's
 * own pairs (the idempotency key) win.
 */
final class CreateJobBody {
    private static final String METADATA = "metadata";

    private CreateJobBody() {
    }

    static ObjectNode toTree(ObjectMapper mapper, JobCreation creation, AzureConfig config) {
        boolean v1 = config.route() == AzureApiRoute.V1;
        ObjectNode body = mapper.createObjectNode();
        body.put("model", creation.baseModel());
        body.put("training_file", creation.trainingFile().value());
        creation.validationFile().ifPresent(f -> body.put("validation_file", f.value()));
        creation.suffix().ifPresent(s -> body.put("suffix", s));
        creation.seed().ifPresent(s -> body.put("seed", s));
        ObjectNode hyperparameters = Hyperparams.toWire(creation.hyperparameters(), v1);
        if (!v1 && creation.method() == FineTuneMethod.SUPERVISED) {
            if (hyperparameters != null) {
                body.set("hyperparameters", hyperparameters);
            }
        } else if (config.supportsPreviewJobFeatures()) {
            ObjectNode method = body.putObject("method");
            method.put("type", creation.method().wireName());
            if (hyperparameters != null) {
                method.putObject(creation.method().wireName()).set("hyperparameters", hyperparameters);
            }
        } else {
            throw new IllegalArgumentException(creation.method().wireName() + " fine-tuning needs the v1 route or a "
                    + "dated api-version from 2025-04-01-preview on; configured: " + config.apiVersion());
        }
        if (v1 && !creation.metadata().isEmpty()) {
            ObjectNode metadata = body.putObject(METADATA);
            creation.metadata().forEach(metadata::put);
        }
        body.put("trainingType", config.trainingType().value());
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
