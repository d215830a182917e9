package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.model.EventLevel;
import io.github.finetune4j.core.model.FileStatus;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.ProviderCapabilities;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * What differs between endpoints that speak the OpenAI fine-tuning protocol: OpenAI itself, Azure OpenAI on its v1
 * and dated routes, and gateways or services that copy the protocol. Everything else (the DTOs, mappers, response
 * reading, hyperparameter encoding, chat and batch JSON, paging cursors) is the protocol layer's, shared by all.
 *
 * <p>A dialect must declare:
 * <ul>
 *   <li>{@link #providerId()} and {@link #serviceName()}: how the provider is named in snapshots and messages;</li>
 *   <li>{@link #uri(Operation, String, Map)}: where each operation goes (base path, route, query parameters such as
 *       {@code api-version});</li>
 *   <li>{@link #authenticate(HttpCall.Builder)}: the headers that authenticate a request ({@code Authorization:
 *       Bearer}, {@code api-key}, a fresh token from a credential, organisation and project headers);</li>
 *   <li>{@link #capabilities()}: the price table, whether jobs can be listed by metadata, the end of new jobs;</li>
 *   <li>{@link #features()}: which optional operations exist (pause/resume, DPO, model catalog and deletion, batches,
 *       the Uploads API).</li>
 * </ul>
 * and may override the defaults: status words ({@link #jobStatus(String)}, {@link #fileStatus(String)},
 * {@link #eventLevel(String)}), how the create-job body is shaped ({@link #hyperparameterPlacement(FineTuneMethod)},
 * {@link #sendsMetadata()}, {@link #sendsAutoValues()}, {@link #completeJobBody(ObjectNode, JobCreation)}), how chat
 * finds its model ({@link #chatRoute()}) and the batch lines' URL ({@link #batchLineUrl()}). Request ids are read
 * by the core from the usual headers ({@link io.github.finetune4j.core.spi.HttpResult#requestId()}), and cursors
 * follow the protocol ({@code after} with the last id). Implementations are immutable and thread-safe.
 *
 * <pre>{@code
 * OpenAiDialect gateway = OpenAiDialect.builder("acme-gateway", URI.create("https://ai.acme.example/openai/v1"))
 *         .apiKeyHeader("x-acme-key", apiKey)
 *         .features(EnumSet.of(Feature.MODEL_CATALOG))
 *         .build();
 * }</pre>
 */
public interface OpenAiDialect {
    /** Optional operations of the protocol. */
    enum Feature {
        /** {@code POST /fine_tuning/jobs/{id}/pause} and {@code /resume}. */
        PAUSE_RESUME,
        /** Direct preference optimisation jobs ({@code method.type: dpo}). */
        DPO,
        /** {@code GET /models} and {@code /models/{id}}: the lifecycle source of the core's guard. */
        MODEL_CATALOG,
        /** {@code DELETE /models/{id}} for fine-tuned models. */
        MODEL_DELETION,
        /** {@code /batches}: the Batch API. */
        BATCHES,
        /** {@code /uploads}: large files in parts. */
        LARGE_FILE_UPLOADS
    }

    /** Where the hyperparameters of a create-job body go. */
    enum HyperparameterPlacement {
        /** {@code method: {type, <type>: {hyperparameters}}} (OpenAI, Azure v1). */
        METHOD,
        /** Top-level {@code hyperparameters}, no {@code method} (Azure's GA dated route, supervised only). */
        TOP_LEVEL
    }

    /** How a chat request names its model. */
    enum ChatRoute {
        /** {@code POST chat/completions} with {@code "model"} in the body. */
        MODEL_IN_BODY,
        /** {@code POST deployments/{model}/chat/completions} without {@code "model"} (Azure's dated route). */
        DEPLOYMENT_IN_PATH
    }

    /**
     * A configurable dialect for an endpoint that speaks the protocol as OpenAI does, with its own base URL and key
     * header; see {@link DialectBuilder}.
     *
     * @param providerId the provider id, lower case, for example {@code acme-gateway}
     * @param baseUri the API root, for example {@code https://ai.acme.example/openai/v1}
     * @return a builder
     */
    static DialectBuilder builder(String providerId, URI baseUri) {
        return new DialectBuilder(providerId, baseUri);
    }

    /**
     * The provider id put into snapshots and exceptions.
     *
     * @return for example {@code openai} or {@code azure-openai}
     */
    String providerId();

    /**
     * The service's name for messages.
     *
     * @return for example {@code OpenAI}
     */
    String serviceName();

    /**
     * The absolute URI of an operation.
     *
     * @param operation what is called
     * @param path the path below the API root, its segments already percent-encoded, for example
     *     {@code fine_tuning/jobs/ftjob-1/events}
     * @param query query parameters, not yet encoded (encode them with {@link ProtocolUris#append})
     * @return the URI
     */
    URI uri(Operation operation, String path, Map<String, String> query);

    /**
     * Adds the headers that authenticate a request; may fetch a token. Secret header values are redacted by the
     * core transport by their name; other secrets must be declared with {@link HttpCall.Builder#secret(String)}.
     *
     * @param call the request being built
     */
    void authenticate(HttpCall.Builder call);

    /**
     * What the core needs to know: price table, metadata filter, end of new jobs.
     *
     * @return the capabilities
     */
    ProviderCapabilities capabilities();

    /**
     * The optional operations this endpoint (as configured) has.
     *
     * @return the features
     */
    Set<Feature> features();

    /**
     * Why a feature is missing, for the {@link UnsupportedOperationException} the caller gets.
     *
     * @param feature a feature not in {@link #features()}
     * @return one sentence
     */
    default String whyUnsupported(Feature feature) {
        return serviceName() + " (" + providerId() + ") does not offer " + feature.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ');
    }

    /**
     * Maps a job status word.
     *
     * @param raw the word on the wire
     * @return the status; unknown words map to {@link JobStatus#UNKNOWN}
     */
    default JobStatus jobStatus(String raw) {
        return JobStatus.parse(raw);
    }

    /**
     * Maps a file status word.
     *
     * @param raw the word on the wire
     * @return the status
     */
    default FileStatus fileStatus(String raw) {
        return FileStatus.parse(raw);
    }

    /**
     * Maps an event level word.
     *
     * @param raw the word on the wire
     * @return the level
     */
    default EventLevel eventLevel(String raw) {
        return EventLevel.parse(raw);
    }

    /**
     * Where a create-job body puts the hyperparameters of a method.
     *
     * @param method the method
     * @return {@link HyperparameterPlacement#METHOD} by default
     */
    default HyperparameterPlacement hyperparameterPlacement(FineTuneMethod method) {
        return HyperparameterPlacement.METHOD;
    }

    /**
     * Whether the create-job body carries {@code metadata} (which holds the client's idempotency key).
     *
     * @return true by default
     */
    default boolean sendsMetadata() {
        return true;
    }

    /**
     * Whether "auto" hyperparameters are sent as {@code "auto"}; when false they are left out, which lets the service
     * choose as well (for schemas that only take numbers).
     *
     * @return true by default
     */
    default boolean sendsAutoValues() {
        return true;
    }

    /**
     * Adds fields of this endpoint to a create-job body (for example Azure's {@code trainingType}); called before
     * the request's unsupported extra body properties are merged.
     *
     * @param body the body so far
     * @param creation the job to create
     */
    default void completeJobBody(ObjectNode body, JobCreation creation) {
    }

    /**
     * Adds what this endpoint knows of a model beyond its catalog entry (for example the training types Azure
     * allows for an open model, which its {@code /models} does not list); applied to every model
     * {@code getModel} and {@code listModels} return.
     *
     * @param model the model as the catalog entry describes it
     * @return the model, completed; by default unchanged
     */
    default ModelInfo completeModel(ModelInfo model) {
        return model;
    }

    /**
     * How chat requests name their model.
     *
     * @return {@link ChatRoute#MODEL_IN_BODY} by default
     */
    default ChatRoute chatRoute() {
        return ChatRoute.MODEL_IN_BODY;
    }

    /**
     * The URL of every batch input line and the batch's {@code endpoint}.
     *
     * @return {@code /v1/chat/completions} by default
     */
    default String batchLineUrl() {
        return "/v1/chat/completions";
    }
}
