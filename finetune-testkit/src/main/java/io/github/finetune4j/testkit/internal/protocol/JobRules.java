package io.github.finetune4j.testkit.internal.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.IdStyle;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.JobSpec;

import java.util.Map;

/**
 * What differs between routes for {@code /fine_tuning/jobs}; {@link JobEndpoints} does the rest.
 */
public interface JobRules {

    /**
     * Returns the JSON shapes of the route.
     *
     * @return the shapes
     */
    ProtocolJson json();

    /**
     * Returns the look of job ids and fine-tuned model names.
     *
     * @return the style
     */
    IdStyle idStyle();

    /**
     * Parses and checks a create body, with the route's rules and error words.
     *
     * @param request the request
     * @return the job request
     * @throws ApiError 400 for a bad body
     */
    JobSpec parse(Request request);

    /**
     * Checks a create against the state before the job is made, e.g. that its files are processed.
     *
     * @param state the state, inside a transaction
     * @param spec the job request
     * @throws ApiError when the route refuses the job
     */
    default void checkCreate(EmulatorState state, JobSpec spec) {
    }

    /**
     * Answers a created job.
     *
     * @param request the request
     * @param job the job
     * @param body the job's JSON
     * @return 200, or 201 with {@code Location}
     */
    default Response created(Request request, JobRecord job, ObjectNode body) {
        return json().ok(body);
    }

    /**
     * Reads the list filter.
     *
     * @param request the request
     * @return the metadata pairs a job must have (empty: all jobs), or null for "jobs without metadata"
     */
    default Map<String, String> listFilter(Request request) {
        return JobEndpoints.metadataFilter(request, true);
    }

    /**
     * Tells whether the checkpoint list reports {@code first_id} and {@code last_id}.
     *
     * @return true when it does
     */
    default boolean checkpointCursors() {
        return true;
    }

    /**
     * Refuses pause and resume where the route does not have them.
     *
     * @param request the request
     * @throws ApiError when the operation does not exist on this route
     */
    default void checkPauseResume(Request request) {
    }
}
