package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.azure.AzureApiRoute;
import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.error.BadRequestException;
import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.spi.BatchCreation;
import io.github.finetune4j.core.spi.BatchSupport;
import io.github.finetune4j.core.spi.FileUpload;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.HttpTransport;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.MultipartForm;
import io.github.finetune4j.core.spi.ProviderCapabilities;
import io.github.finetune4j.core.spi.RetryMode;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Azure OpenAI data plane: each method sends exactly one request through the core transport and translates the
 * answer. Error statuses never arrive here (the transport maps Azure's {@code {"error":{"code","message","target",
 * "innererror"}}} envelope and its retry headers). Also the global batch API ({@link BatchSupport}), which exists only
 * on the dated route: batches use it even when the client is on v1. Thread-safe; holds only immutable configuration.
 */
public final class AzureOpenAiProvider implements FineTuneProvider, BatchSupport {
    /** The provider id. */
    public static final String ID = "azure-openai";
    /** Timeout of one upload request: 30 minutes. */
    public static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);

    private static final System.Logger LOG = System.getLogger(AzureOpenAiProvider.class.getName());
    private static final String SERVICE = "Azure OpenAI";
    private static final String JSONL = "application/jsonl";

    private final AzureConfig config;
    private final HttpTransport transport;
    private final ObjectMapper mapper;
    private final AzureEndpoints endpoints;
    private final AzureRequests requests;
    private final ResponseReader reader;
    private final BatchMapper batches;

    /**
     * Creates the provider.
     *
     * @param config the resolved settings
     * @param transport the core transport
     * @param mapper the JSON mapper
     */
    public AzureOpenAiProvider(AzureConfig config, HttpTransport transport, ObjectMapper mapper) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.endpoints = new AzureEndpoints(config);
        this.requests = new AzureRequests(config.auth());
        this.reader = new ResponseReader(mapper, ID, SERVICE);
        this.batches = new BatchMapper(mapper, ID);
    }

    @Override
    public String id() {
        return ID;
    }

    /** Pause/resume on v1 and previews from 2025-04-01; no metadata filter and no idempotency header on Azure. */
    @Override
    public ProviderCapabilities capabilities() {
        return ProviderCapabilities.of(config.supportsPreviewJobFeatures(), false);
    }

    /** Azure answers 201 Created with a {@code Location} header; any 2xx is accepted. */
    @Override
    public FileInfo uploadFile(FileUpload upload) {
        MultipartForm form = MultipartForm.builder().field("purpose", upload.purpose())
                .file("file", upload.path(), upload.filename(), JSONL).build();
        return reader.read(transport.send(requests.postMultipart(endpoints.files(), form, UPLOAD_TIMEOUT)),
                FileDto.class, FileMapper::fromWire, "file");
    }

    /**
     * Imports a file the service downloads itself (for example a blob SAS URL); dated route only.
     *
     * @param contentUrl where the service fetches the content
     * @param filename the name to store, ending in {@code .jsonl}
     * @param purpose the purpose, for example {@code fine-tune}
     * @return the file, usually {@code pending}
     */
    public FileInfo importFile(URI contentUrl, String filename, String purpose) {
        ObjectNode body = mapper.createObjectNode().put("purpose", purpose).put("filename", filename)
                .put("content_url", contentUrl.toString());
        return reader.read(transport.send(requests.postJson(endpoints.fileImport(), json(body),
                RetryMode.NOT_IDEMPOTENT)), FileDto.class, FileMapper::fromWire, "file import");
    }

    @Override
    public FileInfo getFile(FileId id) {
        return reader.read(transport.send(requests.get(endpoints.file(id))), FileDto.class, FileMapper::fromWire,
                "file");
    }

    /** The dated GA route returns all files in one page; v1 pages with {@code after}. */
    @Override
    public Page<FileInfo> listFiles(PageRequest request) {
        return reader.readPage(transport.send(requests.get(endpoints.files(request))), FileDto.class,
                FileMapper::fromWire, FileDto::id, true, "file list");
    }

    @Override
    public byte[] fileContent(FileId id) {
        return transport.send(requests.getBytes(endpoints.fileContent(id))).body();
    }

    @Override
    public boolean deleteFile(FileId id) {
        return reader.read(transport.send(requests.delete(endpoints.file(id))), DeletedDto.class,
                FileMapper::deleted, "file deletion");
    }

    @Override
    public JobSnapshot createJob(JobCreation creation) {
        byte[] body = json(CreateJobBody.toTree(mapper, creation, config));
        try {
            return reader.read(transport.send(requests.postJson(endpoints.jobs(), body, RetryMode.NOT_IDEMPOTENT)),
                    JobDto.class, JobMapper::fromWire, "job");
        } catch (BadRequestException e) {
            if (e.errorMessage().map(m -> m.toLowerCase(Locale.ROOT).contains("does not support fine-tuning"))
                    .orElse(false)) {
                LOG.log(System.Logger.Level.WARNING, "Azure refused {0} for fine-tuning with trainingType {1}: this "
                        + "also happens when the tier is not offered in the region of the resource; try trainingType "
                        + "GlobalStandard or a region that offers standard training", creation.baseModel(),
                        config.trainingType());
            }
            throw e;
        }
    }

    @Override
    public JobSnapshot getJob(JobId id) {
        return reader.read(transport.send(requests.get(endpoints.job(id))), JobDto.class, JobMapper::fromWire, "job");
    }

    @Override
    public Page<JobSnapshot> listJobs(PageRequest request) {
        return reader.readPage(transport.send(requests.get(endpoints.jobs(request))), JobDto.class,
                JobMapper::fromWire, JobDto::id, false, "job list");
    }

    @Override
    public JobSnapshot cancelJob(JobId id) {
        return jobAction(id, "cancel");
    }

    @Override
    public JobSnapshot pauseJob(JobId id) {
        requirePause("pause");
        return jobAction(id, "pause");
    }

    @Override
    public JobSnapshot resumeJob(JobId id) {
        requirePause("resume");
        return jobAction(id, "resume");
    }

    @Override
    public Page<JobEvent> listEvents(JobId id, PageRequest request) {
        return reader.readPage(transport.send(requests.get(endpoints.events(id, request))), EventDto.class,
                EventMapper::event, EventDto::id, false, "event list");
    }

    @Override
    public Page<Checkpoint> listCheckpoints(JobId id, PageRequest request) {
        return reader.readPage(transport.send(requests.get(endpoints.checkpoints(id, request))), CheckpointDto.class,
                dto -> EventMapper.checkpoint(dto, id), CheckpointDto::id, true, "checkpoint list");
    }

    /** {@code GET /models/{id}}: capabilities and deprecation dates in this resource's region. */
    @Override
    public ModelInfo getModel(String model) {
        return reader.read(transport.send(requests.get(endpoints.model(requireText(model, "model")))),
                ModelDto.class, ModelMapper::fromWire, "model");
    }

    /**
     * The whole catalog of this resource ({@code GET /models}, not paged).
     *
     * @return base and fine-tuned models
     */
    public List<ModelInfo> listModels() {
        return reader.readList(transport.send(requests.get(endpoints.models())), ModelDto.class,
                ModelMapper::fromWire, "model list");
    }

    /** Azure has no model deletion API. */
    @Override
    public boolean deleteModel(String model) {
        throw new UnsupportedOperationException("Azure OpenAI has no API to delete a fine-tuned model: delete its "
                + "deployments (AzureDeployments.delete), then delete the model in the Azure AI Foundry portal");
    }

    /** The request's model is the deployment name. Chat creates nothing, so it is safe to repeat. */
    @Override
    public ChatResponse chat(ChatRequest request) {
        boolean v1 = config.route() == AzureApiRoute.V1;
        byte[] body = json(ChatMapper.toWire(request, v1));
        return reader.read(transport.send(requests.postJson(endpoints.chatCompletions(request.model()), body,
                RetryMode.IDEMPOTENT)), ChatDtos.Completion.class, dto -> ChatMapper.fromWire(dto, request.model()),
                "chat completion");
    }

    /** The request's model is the name of a {@code GlobalBatch} deployment; it goes into the line's body. */
    @Override
    public String batchInputLine(String customId, ChatRequest request) {
        return batches.inputLine(customId, request);
    }

    @Override
    public BatchChatRow batchOutputLine(String line) {
        return batches.outputLine(Objects.requireNonNull(line, "line"));
    }

    /** {@code POST /openai/batches?api-version=}: dated route, also for v1 clients. Not repeated by the transport. */
    @Override
    public BatchSnapshot createBatch(BatchCreation creation) {
        return batches.batch(transport.send(requests.postJson(endpoints.batches(), batches.createBody(creation),
                RetryMode.NOT_IDEMPOTENT)));
    }

    /** {@code GET /openai/batches/{id}?api-version=}: dated route, also for v1 clients. */
    @Override
    public BatchSnapshot getBatch(BatchId id) {
        return batches.batch(transport.send(requests.get(endpoints.batch(Objects.requireNonNull(id, "id")))));
    }

    /** Cancelling only moves the batch along, so repeating it is safe. Dated route, also for v1 clients. */
    @Override
    public BatchSnapshot cancelBatch(BatchId id) {
        return batches.batch(transport.send(requests.postEmpty(endpoints.batchCancel(Objects.requireNonNull(id, "id")),
                RetryMode.IDEMPOTENT)));
    }

    @Override
    public void close() {
        // Nothing to release: the transport belongs to the client.
    }

    @Override
    public String toString() {
        return "AzureOpenAiProvider[" + endpoints + ", " + config.auth() + "]";
    }

    /** Cancel, pause and resume only move the job along, so repeating them is safe. */
    private JobSnapshot jobAction(JobId id, String action) {
        return reader.read(transport.send(requests.postEmpty(endpoints.jobAction(id, action), RetryMode.IDEMPOTENT)),
                JobDto.class, JobMapper::fromWire, "job");
    }

    private void requirePause(String action) {
        if (!config.supportsPreviewJobFeatures()) {
            throw new UnsupportedOperationException("Azure OpenAI can " + action + " jobs on the v1 route or with "
                    + "api-version 2025-04-01-preview or later; configured: dated route, api-version "
                    + config.apiVersion());
        }
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
