package io.github.finetune4j.testkit.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.JobView;
import io.github.finetune4j.testkit.internal.state.StoredFile;

import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of one route that speaks the OpenAI protocol: OpenAI's own, Azure v1 (OpenAI's with Azure's
 * status words) or Azure's dated GA shapes.
 */
public interface ProtocolJson {

    /**
     * Returns the mapper the shapes are built with.
     *
     * @return the mapper
     */
    ObjectMapper mapper();

    /**
     * Creates an empty object.
     *
     * @return the node
     */
    default ObjectNode object() {
        return mapper().createObjectNode();
    }

    /**
     * Serialises a response.
     *
     * @param status the HTTP status
     * @param node the body
     * @return the response
     */
    default Response respond(int status, JsonNode node) {
        return JsonResponses.of(mapper(), status, node);
    }

    /**
     * Serialises a 200 response.
     *
     * @param node the body
     * @return the response
     */
    default Response ok(JsonNode node) {
        return respond(200, node);
    }

    /**
     * Renders a list object.
     *
     * @param data the items
     * @param hasMore whether more items follow, or null to leave {@code has_more} out
     * @return the list
     */
    ObjectNode list(List<? extends JsonNode> data, Boolean hasMore);

    /**
     * Renders a file.
     *
     * @param file the file
     * @param now the current instant
     * @return the node
     */
    ObjectNode file(StoredFile file, Instant now);

    /**
     * Renders a fine-tuning job.
     *
     * @param job the job
     * @param view its state now
     * @param now the current instant
     * @return the node
     */
    ObjectNode job(JobRecord job, JobView view, Instant now);

    /**
     * Renders a job event.
     *
     * @param event the event
     * @return the node
     */
    ObjectNode event(JobView.Event event);

    /**
     * Renders a checkpoint.
     *
     * @param job the job
     * @param checkpoint the checkpoint
     * @return the node
     */
    ObjectNode checkpoint(JobRecord job, JobView.Checkpoint checkpoint);

    /**
     * Renders a deletion result {@code {id, object, deleted: true}}.
     *
     * @param id the deleted id
     * @param object the object type, e.g. {@code file}
     * @return the node
     */
    ObjectNode deleted(String id, String object);
}
