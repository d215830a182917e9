package io.github.finetune4j.testkit.internal.azure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.MultipartParser;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.protocol.FileRules;
import io.github.finetune4j.testkit.internal.protocol.JobEndpoints;
import io.github.finetune4j.testkit.internal.protocol.JobRules;
import io.github.finetune4j.testkit.internal.protocol.ProtocolJson;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.IdStyle;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.JobSpec;
import io.github.finetune4j.testkit.internal.state.ModelRecord;
import io.github.finetune4j.testkit.internal.state.StoredFile;
import io.github.finetune4j.testkit.internal.state.TrainingFileValidator;

import java.util.List;
import java.util.Map;

/**
 * What one Azure route does its own way in the OpenAI protocol.
 *
 * <ul>
 *   <li>{@code /files}: upload answers 201 with {@code Location} on the dated route and 200 on v1; the list has
 *       no paging on the dated route and OpenAI's {@code after}, {@code limit}, {@code order} on v1. A
 *       {@code fine-tune} upload goes {@code pending → running → processed} over the processing delay, or ends
 *       in {@code error} with {@code status_details} when a line is not a JSON object. Every purpose may be
 *       downloaded.</li>
 *   <li>{@code /fine_tuning/jobs}: create answers 201 with {@code Location} on the dated route and 200 on v1,
 *       and only from files that have been processed; the list filters by metadata on v1 only; checkpoint lists
 *       carry {@code first_id}/{@code last_id} on v1 only; pause and resume exist on v1 and on dated previews
 *       from {@value AzureApiVersion#PREVIEW_JOB_FEATURES}; {@code DELETE} (204) exists on the dated route
 *       only.</li>
 * </ul>
 */
final class AzureProtocolRules implements FileRules, JobRules {

    private static final List<String> DATED_PURPOSES = List.of("fine-tune", "assistants", "batch");
    private static final List<String> V1_PURPOSES = List.of("fine-tune", "assistants", "batch", "evals");

    private final EmulatorState state;
    private final AzureJson json;
    private final AzureRoute route;
    private final ObjectMapper mapper;

    AzureProtocolRules(EmulatorState state, AzureJson json) {
        this.state = state;
        this.json = json;
        this.route = json.route();
        this.mapper = state.mapper();
    }

    @Override
    public ProtocolJson json() {
        return json;
    }

    @Override
    public IdStyle idStyle() {
        return IdStyle.AZURE;
    }

    @Override
    public Accepted accept(Map<String, MultipartParser.Part> parts) {
        MultipartParser.Part purposePart = parts.get("purpose");
        if (purposePart == null) {
            throw AzureErrors.invalidPayload("The form field 'purpose' is required.", "purpose");
        }
        String purpose = purposePart.text().strip();
        List<String> purposes = route == AzureRoute.V1 ? V1_PURPOSES : DATED_PURPOSES;
        if (!purposes.contains(purpose)) {
            throw AzureErrors.invalidPayload("The purpose '" + purpose + "' is not supported for uploads; use one "
                    + "of " + purposes + ".", "purpose");
        }
        MultipartParser.Part file = parts.get("file");
        if (file == null || file.filename() == null || file.filename().isBlank()) {
            throw AzureErrors.invalidPayload("The form field 'file' with a file name is required.", "file");
        }
        String problem = purpose.equals("fine-tune")
                ? new TrainingFileValidator(mapper).syntaxProblem(file.data()) : null;
        return new Accepted(file.filename(), purpose, file.data(), problem);
    }

    @Override
    public Response uploaded(Request request, StoredFile file, ObjectNode body) {
        if (route == AzureRoute.V1) {
            return json.ok(body);
        }
        return json.respond(201, body).withHeader("Location", AzureRequests.origin(request) + route.root()
                + "/files/" + file.id() + AzureApiVersion.of(request, route).query());
    }

    @Override
    public boolean cursorPaging() {
        return route == AzureRoute.V1;
    }

    @Override
    public ApiError invalid(String message, String param) {
        return AzureErrors.invalidPayload(message, param);
    }

    @Override
    public ApiError fileNotFound(String id) {
        return AzureErrors.notFound("File with id '" + id + "' was not found.");
    }

    /** The routes only Azure has: {@code DELETE /fine_tuning/jobs/{id}} on the dated route. */
    List<Route> extraRoutes() {
        return route == AzureRoute.DATED ? List.of(Route.of("DELETE", "/fine_tuning/jobs/{id}", this::delete))
                : List.of();
    }

    @Override
    public JobSpec parse(Request request) {
        return AzureJobRequestParser.parse(AzureRequests.json(mapper, request), AzureApiVersion.of(request, route));
    }

    @Override
    public void checkCreate(EmulatorState s, JobSpec spec) {
        requireTunable(s, spec.model());
        AzureCatalog.checkCreate(spec);
        requireUsable(s, spec.trainingFile(), "training_file");
        if (spec.validationFile() != null) {
            requireUsable(s, spec.validationFile(), "validation_file");
        }
    }

    @Override
    public Response created(Request request, JobRecord job, ObjectNode body) {
        if (route == AzureRoute.V1) {
            return json.ok(body);
        }
        return json.respond(201, body).withHeader("Location", AzureRequests.origin(request) + route.root()
                + "/fine_tuning/jobs/" + job.id() + AzureApiVersion.of(request, route).query());
    }

    @Override
    public Map<String, String> listFilter(Request request) {
        return route == AzureRoute.V1 ? JobEndpoints.metadataFilter(request, false) : Map.of();
    }

    @Override
    public boolean checkpointCursors() {
        return route == AzureRoute.V1;
    }

    /** Pause and resume exist on v1 and on recent previews only; elsewhere the path is unknown. */
    @Override
    public void checkPauseResume(Request request) {
        if (!AzureApiVersion.of(request, route).hasPreviewJobFeatures()) {
            throw AzureErrors.resourceNotFound();
        }
    }

    private Response delete(Request request) {
        String id = request.pathParam("id");
        return state.transaction(s -> {
            JobRecord job = s.jobs().get(id);
            boolean deployed = s.deployments().all().stream().anyMatch(d -> !d.isDeleting()
                    && d.servedModel() != null && (d.servedModel().equals(job.fineTunedModel())
                    || d.servedModel().startsWith(job.fineTunedModel() + ":ckpt-step-")));
            if (deployed) {
                throw AzureErrors.of(409, "conflict", "The fine-tuned model of job " + id + " is deployed. Delete "
                        + "its deployments first.", null);
            }
            s.jobs().delete(id);
            return new Response(204, Map.of(), new byte[0]);
        });
    }

    private static void requireTunable(EmulatorState s, String model) {
        boolean tunable = s.config().baseModels().contains(model)
                || s.models().get(model).filter(ModelRecord::isFineTuned).isPresent();
        if (!tunable) {
            throw AzureErrors.invalidPayload(AzureJobRequestParser.BASE_MODEL_NOT_SUPPORTED, "model");
        }
    }

    /** Azure refuses files that are not processed yet, or whose processing failed. */
    private static void requireUsable(EmulatorState s, String id, String param) {
        StoredFile file = s.files().get(id).orElseThrow(() ->
                AzureErrors.invalidPayload("The file '" + id + "' given as " + param + " does not exist.", param));
        String status = AzureWords.fileStatus(file, s.now());
        if (status.equals("error")) {
            throw AzureErrors.invalidPayload("The file '" + id + "' given as " + param + " failed processing: "
                    + file.processingError(), param);
        }
        if (!status.equals("processed")) {
            throw AzureErrors.of(400, "unexpectedEntityState", "The file '" + id + "' given as " + param + " is "
                    + status + "; wait until its status is processed before creating a job.", param);
        }
    }
}
