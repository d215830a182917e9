package io.github.finetune4j.together.internal;

import io.github.finetune4j.core.error.ApiErrorDetails;
import io.github.finetune4j.core.error.BadRequestException;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.spi.BatchSupport;
import io.github.finetune4j.core.spi.FileUpload;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.HttpResult;
import io.github.finetune4j.core.spi.JobControl;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.LargeFileUploads;
import io.github.finetune4j.core.spi.ModelCatalog;
import io.github.finetune4j.core.spi.ModelDeletion;
import io.github.finetune4j.core.spi.MultipartForm;
import io.github.finetune4j.core.spi.PriceEstimates;
import io.github.finetune4j.core.spi.ProviderCapabilities;
import io.github.finetune4j.core.spi.ProviderContext;
import io.github.finetune4j.core.spi.RetryMode;
import io.github.finetune4j.core.spi.StartCheck;
import io.github.finetune4j.openai.protocol.OpenAiProtocol;
import io.github.finetune4j.openai.protocol.ProtocolProvider;
import io.github.finetune4j.openai.protocol.ProtocolUris;
import io.github.finetune4j.openai.protocol.ResponseReader;
import io.github.finetune4j.together.TogetherAi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Together AI provider: files ({@code /files/upload} with purpose and type, the service's file check as the
 * file's status), fine-tunes ({@code /fine-tunes}: create, retrieve with events, list, cancel, events, checkpoints)
 * and chat. Each method is one request through the core transport, built and read with the OpenAI protocol's
 * request builder and {@link ResponseReader} (Together's lists are the protocol's {@code {"data": [...]}}
 * envelope, without paging); chat is the protocol's own {@link ProtocolProvider} over {@link TogetherDialect}.
 * Offers {@link PriceEstimates} (asked by {@code start}), {@link StartCheck} (Together's rules, checked before
 * anything is uploaded) and {@link TogetherAi} (for applications). Thread-safe;
 * holds only immutable configuration.
 */
public final class TogetherProvider implements FineTuneProvider {
    private static final String JSONL = "application/jsonl";

    private final TogetherDialect dialect;
    private final OpenAiProtocol protocol;
    private final ProtocolProvider chat;
    private final Clock clock;
    private final TogetherExtension extension;
    private final RequestRules rules = new RequestRules();

    /**
     * Creates the provider.
     *
     * @param config the resolved settings
     * @param context the core transport, JSON mapper and clock
     */
    public TogetherProvider(TogetherConfig config, ProviderContext context) {
        this(config, context, WeightFetcher.PART_BYTES);
    }

    TogetherProvider(TogetherConfig config, ProviderContext context, int downloadPartBytes) {
        this.dialect = new TogetherDialect(Objects.requireNonNull(config, "config"));
        this.protocol = new OpenAiProtocol(dialect, context);
        this.chat = ProtocolProvider.builder(protocol).build();
        this.clock = context.clock();
        this.extension = new TogetherExtension(protocol, dialect, context.objectMapper(),
                new WeightFetcher(protocol, downloadPartBytes));
    }

    @Override
    public String id() {
        return TogetherMapper.PROVIDER;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return dialect.capabilities();
    }

    @Override
    public <T> Optional<T> feature(Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (type == TogetherAi.class || type == PriceEstimates.class) {
            return Optional.of(type.cast(extension));
        }
        return type == StartCheck.class ? Optional.of(type.cast(rules)) : Optional.empty();
    }

    @Override
    public String whyUnsupported(Class<?> type) {
        if (type == JobControl.class) {
            return "Together AI cannot pause or resume a job: cancel it (completed steps are billed) and start again "
                    + "from its checkpoint with TogetherTraining.builder().fromCheckpoint(\"ft-...:STEP\")";
        }
        if (type == ModelCatalog.class) {
            return "Together AI has no fine-tuning catalog with lifecycle dates; "
                    + "client.extension(TogetherAi.class).supportedModels() lists the models that can be tuned now";
        }
        if (type == ModelDeletion.class) {
            return "Together AI deletes a fine-tuned model with its job: "
                    + "client.extension(TogetherAi.class).deleteJob(jobId)";
        }
        if (type == LargeFileUploads.class) {
            return "Together AI takes files up to 50.1 GiB in one upload; its signed-URL multipart upload is not "
                    + "implemented by finetune4j";
        }
        if (type == BatchSupport.class) {
            return "finetune4j does not implement Together AI's batch API";
        }
        return "Together AI (together) does not offer " + type.getSimpleName();
    }

    /** Identical content is answered with the file already there, so a repeated upload creates nothing. */
    @Override
    public FileInfo uploadFile(FileUpload upload) {
        MultipartForm form = MultipartForm.builder()
                .field("purpose", upload.purpose())
                .field("file_name", upload.filename())
                .field("file_type", "jsonl")
                .file("file", upload.path(), upload.filename(), JSONL)
                .build();
        return readFile(protocol.send(request("POST", "files/upload").body(HttpBody.multipart(form))
                .retryMode(RetryMode.NOT_IDEMPOTENT).build()), "file");
    }

    @Override
    public FileInfo getFile(FileId id) {
        return readFile(get(ProtocolUris.path("files", id.value())), "file");
    }

    @Override
    public Page<FileInfo> listFiles(PageRequest request) {
        return protocol.reader().readPage(get("files"), Dtos.FileDto.class, TogetherMapper::file,
                Dtos.FileDto::id, ResponseReader.Cursor.LAST_ID, "file list");
    }

    @Override
    public byte[] fileContent(FileId id) {
        return protocol.send(request("GET", ProtocolUris.path("files", id.value(), "content"))
                .header("Accept", "*/*").build()).body();
    }

    @Override
    public boolean deleteFile(FileId id) {
        return protocol.reader().read(protocol.send(request("DELETE", ProtocolUris.path("files", id.value()))
                .build()), Dtos.DeletedDto.class, d -> Boolean.TRUE.equals(d.deleted()), "file deletion");
    }

    /** A Hub token in the options travels in the body only, declared as a secret so that no message shows it. */
    @Override
    public JobSnapshot createJob(JobCreation creation) {
        HttpCall.Builder call = request("POST", "fine-tunes")
                .body(HttpBody.json(protocol.json(JobBodies.create(protocolMapper(), creation))))
                .retryMode(RetryMode.NOT_IDEMPOTENT);
        JobBodies.options(creation).hubToken().ifPresent(t -> call.secret(t.reveal()));
        return readJob(protocol.send(call.build()));
    }

    /** Training type, LoRA rank and alpha, learning rate, checkpoints and evaluations: see {@link JobBodies#settings}. */
    @Override
    public Map<String, String> settings(JobCreation creation) {
        return JobBodies.settings(creation);
    }

    @Override
    public JobSnapshot getJob(JobId id) {
        return readJob(get(ProtocolUris.path("fine-tunes", id.value())));
    }

    /** All jobs, newest first, in one page: Together neither pages nor filters by metadata. */
    @Override
    public Page<JobSnapshot> listJobs(PageRequest request) {
        return protocol.reader().readPage(get("fine-tunes"), Dtos.JobDto.class,
                dto -> TogetherMapper.job(dto, clock.instant()), Dtos.JobDto::id, ResponseReader.Cursor.LAST_ITEM,
                "job list");
    }

    /** Cancelling twice is harmless, so the request is repeated like a GET. */
    @Override
    public JobSnapshot cancelJob(JobId id) {
        return readJob(protocol.send(request("POST", ProtocolUris.path("fine-tunes", id.value(), "cancel"))
                .retryMode(RetryMode.IDEMPOTENT).build()));
    }

    /** Together lists events oldest first; the core expects the newest first. */
    @Override
    public Page<JobEvent> listEvents(JobId id, PageRequest request) {
        Page<JobEvent> page = protocol.reader().readPage(get(ProtocolUris.path("fine-tunes", id.value(), "events")),
                Dtos.EventDto.class, TogetherMapper::event, Dtos.EventDto::hash, ResponseReader.Cursor.LAST_ITEM,
                "event list");
        List<JobEvent> newestFirst = new ArrayList<>(page.items());
        Collections.reverse(newestFirst);
        return Page.of(newestFirst, null);
    }

    @Override
    public Page<Checkpoint> listCheckpoints(JobId id, PageRequest request) {
        return protocol.reader().readPage(get(ProtocolUris.path("fine-tunes", id.value(), "checkpoints")),
                Dtos.CheckpointDto.class, dto -> TogetherMapper.checkpoint(dto, id), Dtos.CheckpointDto::path,
                ResponseReader.Cursor.LAST_ITEM, "checkpoint list");
    }

    /**
     * Chat completions are OpenAI's at Together. A fine-tune answers serverless only where its base model offers
     * LoRA serving; otherwise the service's {@code model_not_available} is explained with the step it needs.
     */
    @Override
    public ChatResponse chat(ChatRequest request) {
        try {
            return chat.chat(request);
        } catch (BadRequestException e) {
            if (!e.errorCode().filter("model_not_available"::equals).isPresent()
                    && !e.errorMessage().filter(m -> m.contains("non-serverless")).isPresent()) {
                throw e;
            }
            ApiErrorDetails d = e.details();
            throw new BadRequestException(new ApiErrorDetails(d.provider(), d.statusCode(), d.errorCode(),
                    d.errorType(), d.errorParam(), request.model() + " is not served serverless on Together AI: "
                    + "serverless LoRA inference exists only for some base models (Llama 3.1 8B and 70B Instruct "
                    + "Reference among them) and never for full fine-tunes. Deploy it on a dedicated endpoint first "
                    + "(POST /endpoints {\"model\": \"" + request.model() + "\", \"hardware\": ..., "
                    + "\"autoscaling\": {...}}, or at https://api.together.ai/models/" + request.model()
                    + "), then ask the endpoint's name with client.model(endpointName); or download the weights "
                    + "(TogetherAi.downloadWeights) and serve them yourself. Together said: "
                    + d.errorMessage(), d.requestId(), d.retryAfter()));
        }
    }

    @Override
    public void close() {
        // Nothing to release: the transport belongs to the client.
    }

    @Override
    public String toString() {
        return "TogetherProvider[" + dialect + "]";
    }

    private com.fasterxml.jackson.databind.ObjectMapper protocolMapper() {
        return extension.mapper();
    }

    private HttpCall.Builder request(String method, String path) {
        return protocol.request(method, dialect.uri(path, Map.of()));
    }

    private HttpResult get(String path) {
        return protocol.send(request("GET", path).build());
    }

    private FileInfo readFile(HttpResult result, String what) {
        return protocol.reader().read(result, Dtos.FileDto.class, TogetherMapper::file, what);
    }

    private JobSnapshot readJob(HttpResult result) {
        return protocol.reader().read(result, Dtos.JobDto.class, dto -> TogetherMapper.job(dto, clock.instant()),
                "job");
    }
}
