package io.github.finetune4j.testkit.internal.openai;

import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.MultipartParser;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.protocol.FileRules;
import io.github.finetune4j.testkit.internal.protocol.JobRules;
import io.github.finetune4j.testkit.internal.protocol.ProtocolJson;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.IdStyle;
import io.github.finetune4j.testkit.internal.state.JobSpec;
import io.github.finetune4j.testkit.internal.state.StoredFile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What OpenAI's {@code /v1} does its own way in the OpenAI protocol: the upload purposes it takes,
 * {@code .jsonl} for fine-tuning, cursor paging, no downloads of {@code assistants} files; the
 * {@code CreateFineTuningJobRequest} body, OpenAI's ids, and the {@code metadata[k]=v} / {@code metadata=null} job
 * list filter.
 */
final class OpenAiProtocolRules implements FileRules, JobRules {

    private static final List<String> UPLOAD_PURPOSES =
            List.of("assistants", "batch", "fine-tune", "vision", "user_data", "evals");
    private static final Set<String> NOT_DOWNLOADABLE = Set.of("assistants");

    private final EmulatorState state;
    private final OpenAiJson json;

    OpenAiProtocolRules(EmulatorState state, OpenAiJson json) {
        this.state = state;
        this.json = json;
    }

    @Override
    public ProtocolJson json() {
        return json;
    }

    @Override
    public IdStyle idStyle() {
        return IdStyle.OPENAI;
    }

    @Override
    public Accepted accept(Map<String, MultipartParser.Part> parts) {
        MultipartParser.Part purposePart = parts.get("purpose");
        if (purposePart == null) {
            throw missing("purpose");
        }
        String purpose = purposePart.text().strip();
        if (!UPLOAD_PURPOSES.contains(purpose)) {
            throw ApiError.invalidRequest("'" + purpose + "' is not one of " + UPLOAD_PURPOSES + " - 'purpose'",
                    "purpose");
        }
        MultipartParser.Part file = parts.get("file");
        if (file == null) {
            throw missing("file");
        }
        if (file.filename() == null || file.filename().isBlank()) {
            // What the service answers when the file part has no filename (openai-java #353, #552).
            throw ApiError.invalidRequest(
                    "The browser (or proxy) sent a request that this server could not understand.", null);
        }
        if (purpose.equals("fine-tune") && !file.filename().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            throw ApiError.invalidRequest("Invalid file format for Fine-Tuning API. Must be .jsonl", "file");
        }
        return new Accepted(file.filename(), purpose, file.data(), null);
    }

    @Override
    public boolean cursorPaging() {
        return true;
    }

    @Override
    public ApiError invalid(String message, String param) {
        return ApiError.invalidRequest(message, param);
    }

    @Override
    public ApiError fileNotFound(String id) {
        return ApiError.notFound("No such File object: " + id, "id", null);
    }

    @Override
    public void checkDownload(StoredFile file) {
        if (NOT_DOWNLOADABLE.contains(file.purpose())) {
            throw ApiError.invalidRequest("Not allowed to download files of purpose: " + file.purpose(), null);
        }
    }

    private static ApiError missing(String field) {
        return ApiError.invalidRequest("Missing required parameter: '" + field + "'.", field,
                "missing_required_parameter");
    }

    @Override
    public JobSpec parse(Request request) {
        return JobRequestParser.parse(RequestBodies.json(state.mapper(), request));
    }
}
