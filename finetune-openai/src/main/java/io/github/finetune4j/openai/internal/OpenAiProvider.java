package io.github.finetune4j.openai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.BatchChatRow;
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
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.HttpResult;
import io.github.finetune4j.core.spi.HttpTransport;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.LargeFileUploads;
import io.github.finetune4j.core.spi.MultipartForm;
import io.github.finetune4j.core.spi.ProviderCapabilities;
import io.github.finetune4j.core.spi.RetryMode;
import io.github.finetune4j.core.spi.UploadSession;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The OpenAI wire protocol: each method sends exactly one request through the transport and translates the answer.
 * Error statuses never arrive here (the transport maps them to exceptions). Thread-safe and stateless apart from
 * its immutable configuration.
 */
public final class OpenAiProvider implements FineTuneProvider, BatchSupport, LargeFileUploads {
    /** The provider id. */
    public static final String ID = "openai";
    /** Content type of the uploaded file part. */
    static final String JSONL = "application/jsonl";
    /** Content type of one part's bytes in the Uploads API. */
    static final String OCTET_STREAM = "application/octet-stream";
    /** The endpoint every batch line calls, as OpenAI wants it in {@code endpoint} and in each line's {@code url}. */
    static final String BATCH_ENDPOINT = "/v1/chat/completions";

    /** The first day on which api.openai.com accepts no new self-serve fine-tuning jobs. */
    public static final LocalDate NEW_JOBS_END_ON = LocalDate.of(2027, 1, 6);
    /** What to use instead once {@link #NEW_JOBS_END_ON} has passed. */
    static final String AFTER_END_ADVICE = "OpenAI has ended self-serve fine-tuning; use Azure OpenAI "
            + "(provider \"azure-openai\") or another service that speaks the OpenAI protocol (baseUrl(...)).";
    private static final String OPENAI_HOST = "api.openai.com";

    private final ProviderCapabilities capabilities;
    private final HttpTransport transport;
    private final ObjectMapper mapper;
    private final OpenAiEndpoints endpoints;
    private final OpenAiRequests requests;
    private final ResponseReader reader;
    private final JobMapper jobs;
    private final BatchMapper batches;

    /**
     * Creates the provider.
     *
     * @param config the resolved settings
     * @param transport the transport to send every request through
     * @param mapper the JSON mapper
     */
    public OpenAiProvider(OpenAiConfig config, HttpTransport transport, ObjectMapper mapper) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.endpoints = new OpenAiEndpoints(config.baseUri());
        this.requests = new OpenAiRequests(config);
        this.reader = new ResponseReader(mapper, ID);
        this.jobs = new JobMapper(ID);
        this.batches = new BatchMapper(mapper, ID, BATCH_ENDPOINT);
        this.capabilities = capabilities(config);
    }

    /**
     * Pause and resume, and metadata filters, are supported. The end of new jobs applies to OpenAI's own API only:
     * gateways and emulators that speak the protocol under another base URL keep accepting jobs.
     */
    private static ProviderCapabilities capabilities(OpenAiConfig config) {
        ProviderCapabilities caps = ProviderCapabilities.of(true, true);
        return OPENAI_HOST.equalsIgnoreCase(config.baseUri().getHost())
                ? caps.withNewJobsEndingOn(NEW_JOBS_END_ON, AFTER_END_ADVICE) : caps;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public FileInfo uploadFile(FileUpload upload) {
        MultipartForm form = MultipartForm.builder()
                .field("purpose", upload.purpose())
                .file("file", upload.path(), upload.filename(), JSONL)
                .build();
        HttpResult result = send(requests.postMultipart(endpoints.files(), form));
        return reader.read(result, FileDto.class, FileMapper::fromWire, "file");
    }

    @Override
    public FileInfo getFile(FileId id) {
        return reader.read(send(requests.get(endpoints.file(id))), FileDto.class, FileMapper::fromWire, "file");
    }

    @Override
    public Page<FileInfo> listFiles(PageRequest request) {
        HttpResult result = send(requests.get(endpoints.files(request)));
        return reader.readPage(result, FileDto.class, FileMapper::fromWire, FileDto::id,
                ResponseReader.Cursor.LAST_ID, "file list");
    }

    @Override
    public byte[] fileContent(FileId id) {
        return send(requests.getBytes(endpoints.fileContent(id))).body();
    }

    @Override
    public boolean deleteFile(FileId id) {
        HttpResult result = send(requests.delete(endpoints.file(id)));
        return reader.read(result, DeletedDto.class, FileMapper::deleted, "file deletion");
    }

    @Override
    public JobSnapshot createJob(JobCreation creation) {
        byte[] body = json(CreateJobBody.toTree(mapper, creation));
        HttpResult result = send(requests.postJson(endpoints.jobs(), body, RetryMode.NOT_IDEMPOTENT));
        return reader.read(result, JobDto.class, jobs::fromWire, "job");
    }

    @Override
    public JobSnapshot getJob(JobId id) {
        return reader.read(send(requests.get(endpoints.job(id))), JobDto.class, jobs::fromWire, "job");
    }

    @Override
    public Page<JobSnapshot> listJobs(PageRequest request) {
        HttpResult result = send(requests.get(endpoints.jobs(request)));
        return reader.readPage(result, JobDto.class, jobs::fromWire, JobDto::id, ResponseReader.Cursor.LAST_ITEM,
                "job list");
    }

    @Override
    public JobSnapshot cancelJob(JobId id) {
        return jobAction(id, "cancel");
    }

    @Override
    public JobSnapshot pauseJob(JobId id) {
        return jobAction(id, "pause");
    }

    @Override
    public JobSnapshot resumeJob(JobId id) {
        return jobAction(id, "resume");
    }

    @Override
    public Page<JobEvent> listEvents(JobId id, PageRequest request) {
        HttpResult result = send(requests.get(endpoints.events(id, request)));
        return reader.readPage(result, EventDto.class, EventMapper::event, EventDto::id,
                ResponseReader.Cursor.LAST_ITEM, "event list");
    }

    @Override
    public Page<Checkpoint> listCheckpoints(JobId id, PageRequest request) {
        HttpResult result = send(requests.get(endpoints.checkpoints(id, request)));
        return reader.readPage(result, CheckpointDto.class, dto -> EventMapper.checkpoint(dto, id),
                CheckpointDto::id, ResponseReader.Cursor.LAST_ID, "checkpoint list");
    }

    @Override
    public ModelInfo getModel(String model) {
        HttpResult result = send(requests.get(endpoints.model(requireModel(model))));
        return reader.read(result, ModelDto.class, ModelMapper::fromWire, "model");
    }

    @Override
    public boolean deleteModel(String model) {
        HttpResult result = send(requests.delete(endpoints.model(requireModel(model))));
        return reader.read(result, DeletedDto.class, FileMapper::deleted, "model deletion");
    }

    /** Chat completions create nothing, so they are safe to repeat. */
    @Override
    public ChatResponse chat(ChatRequest request) {
        byte[] body = json(ChatMapper.toWire(request));
        HttpResult result = send(requests.postJson(endpoints.chatCompletions(), body, RetryMode.IDEMPOTENT));
        return reader.read(result, ChatCompletionDto.class, ChatMapper::fromWire, "chat completion");
    }

    @Override
    public String batchInputLine(String customId, ChatRequest request) {
        return batches.inputLine(customId, request);
    }

    @Override
    public BatchChatRow batchOutputLine(String line) {
        return batches.outputLine(line);
    }

    @Override
    public BatchSnapshot createBatch(BatchCreation creation) {
        return batches.batch(send(requests.postJson(endpoints.batches(), batches.createBody(creation),
                RetryMode.NOT_IDEMPOTENT)));
    }

    @Override
    public BatchSnapshot getBatch(BatchId id) {
        return batches.batch(send(requests.get(endpoints.batch(id))));
    }

    /** Cancelling only moves the batch along, so repeating it is safe. */
    @Override
    public BatchSnapshot cancelBatch(BatchId id) {
        return batches.batch(send(requests.postEmpty(endpoints.batchCancel(id), RetryMode.IDEMPOTENT)));
    }

    @Override
    public UploadSession createUpload(String filename, long bytes, String purpose) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filename", Objects.requireNonNull(filename, "filename"));
        body.put("purpose", Objects.requireNonNull(purpose, "purpose"));
        body.put("bytes", bytes);
        body.put("mime_type", UploadMapper.MIME_TYPE);
        HttpResult result = send(requests.postJson(endpoints.uploads(), json(body), RetryMode.NOT_IDEMPOTENT));
        return reader.read(result, UploadDto.class, UploadMapper::session, "upload");
    }

    /** The part goes as the multipart field {@code data}, streamed from its region of the file. */
    @Override
    public String addUploadPart(String uploadId, Path file, long offset, long length) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        MultipartForm form = MultipartForm.builder()
                .fileRegion("data", file, offset, length, name == null ? "part" : name.toString(), OCTET_STREAM)
                .build();
        HttpResult result = send(requests.postMultipart(endpoints.uploadAction(requireId(uploadId), "parts"), form));
        return reader.read(result, UploadPartDto.class, UploadMapper::partId, "upload part");
    }

    @Override
    public FileInfo completeUpload(String uploadId, List<String> partIds) {
        byte[] body = json(Map.of("part_ids", List.copyOf(partIds)));
        HttpResult result = send(requests.postJson(endpoints.uploadAction(requireId(uploadId), "complete"), body,
                RetryMode.NOT_IDEMPOTENT));
        return reader.read(result, UploadDto.class, UploadMapper::completedFile, "upload");
    }

    /** Cancelling only ends the upload, so repeating it is safe. */
    @Override
    public void cancelUpload(String uploadId) {
        send(requests.postEmpty(endpoints.uploadAction(requireId(uploadId), "cancel"), RetryMode.IDEMPOTENT));
    }

    @Override
    public void close() {
        // Nothing to release: the transport belongs to the client.
    }

    @Override
    public String toString() {
        return "OpenAiProvider[" + endpoints + "]";
    }

    /** Cancel, pause and resume only move the job along, so repeating them is safe. */
    private JobSnapshot jobAction(JobId id, String action) {
        HttpResult result = send(requests.postEmpty(endpoints.jobAction(id, action), RetryMode.IDEMPOTENT));
        return reader.read(result, JobDto.class, jobs::fromWire, "job");
    }

    private HttpResult send(HttpCall call) {
        return transport.send(call);
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String requireId(String uploadId) {
        Objects.requireNonNull(uploadId, "uploadId");
        if (uploadId.isBlank()) {
            throw new IllegalArgumentException("uploadId must not be blank");
        }
        return uploadId;
    }

    private static String requireModel(String model) {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        return model;
    }
}
