package io.github.finetune4j.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.spi.JobCreation;

/**
 * Encodes the create-job body: the known fields, then the unsupported extra body properties merged at the top
 * level. An extra property replaces a known one of the same name, except {@code metadata}: extra metadata pairs
 * are added, but the request's own pairs (which hold the client's idempotency key) win.
 */
final class CreateJobBody {
    private static final String METADATA = "metadata";

    private CreateJobBody() {
    }

    static ObjectNode toTree(ObjectMapper mapper, JobCreation creation) {
        ObjectNode body = mapper.valueToTree(JobMapper.toWire(creation));
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
