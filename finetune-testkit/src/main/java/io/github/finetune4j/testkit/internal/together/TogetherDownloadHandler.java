package io.github.finetune4j.testkit.internal.together;

import io.github.finetune4j.testkit.internal.blob.Blob;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.EmulatorState;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /finetune/download?ft_id=&checkpoint=merged|adapter|model_output_path[&checkpoint_step=N]}: the
 * weights of a completed job as a {@code .tar.gz} ({@code Content-Type: application/x-tar}, which the official
 * SDKs take for a gzip tar), streamed, with {@code Accept-Ranges: bytes} and single-range {@code Range} requests
 * answered 206, so that a download can resume. LoRA jobs have {@code merged} and {@code adapter}; full
 * fine-tunes only {@code model_output_path}; {@code checkpoint_step} selects an intermediate checkpoint.
 */
final class TogetherDownloadHandler {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final List<String> KINDS = List.of("merged", "adapter", "model_output_path");

    private final EmulatorState state;
    private final TogetherStore store;

    TogetherDownloadHandler(EmulatorState state, TogetherStore store) {
        this.state = state;
        this.store = store;
    }

    List<Route> routes() {
        return List.of(Route.of("GET", "/finetune/download", this::download));
    }

    private Response download(Request request) {
        String id = request.queryParam("ft_id");
        if (id == null || id.isBlank()) {
            throw ApiError.invalidRequest("Missing required parameter 'ft_id'.", "ft_id", "missing_required_parameter");
        }
        String kind = kind(request);
        byte[] archive = state.transaction(s -> archive(store.job(id), kind));
        return answer(request, archive, id + "-" + kind + ".tar.gz");
    }

    /** The archive of one kind, once the job is completed. */
    byte[] archive(TogetherJob job, String kind) {
        TogetherView view = TogetherView.of(job, state.now(), state.config().transitionDuration());
        if (kind.startsWith("step-")) {
            int step = Integer.parseInt(kind.substring(5));
            boolean exists = view.checkpoints().stream().anyMatch(c -> c.step() == step);
            if (!exists) {
                throw new ApiError(404, "invalid_request_error", "Job " + job.id() + " has no checkpoint at step "
                        + step + ".", "checkpoint_step", "not_found", Map.of());
            }
            return AdapterArchive.build(job, kind);
        }
        if (!view.status().equals("completed")) {
            throw ApiError.invalidRequest("Fine-tune job " + job.id() + " is " + view.status() + "; its weights can "
                    + "be downloaded once it is completed.", "ft_id", "invalid_state");
        }
        if (!job.params.lora && !kind.equals("model_output_path")) {
            throw ApiError.invalidRequest("A full fine-tune has no " + kind + " weights; download "
                    + "checkpoint=model_output_path.", "checkpoint", "invalid_value");
        }
        return AdapterArchive.build(job, kind);
    }

    private static String kind(Request request) {
        String step = request.queryParam("checkpoint_step");
        if (step != null && !step.isEmpty()) {
            if (!step.matches("\\d+")) {
                throw ApiError.invalidRequest("Invalid type for 'checkpoint_step': expected an integer.",
                        "checkpoint_step", "invalid_type");
            }
            return "step-" + Integer.parseInt(step);
        }
        String checkpoint = request.queryParam("checkpoint");
        if (checkpoint == null || !KINDS.contains(checkpoint)) {
            throw ApiError.invalidRequest("'checkpoint' must be one of " + KINDS + " when 'checkpoint_step' is not "
                    + "set.", "checkpoint", "invalid_value");
        }
        return checkpoint;
    }

    private static Response answer(Request request, byte[] archive, String filename) {
        String range = request.header("range");
        Response response;
        if (range == null) {
            response = Response.streamed(200, "application/x-tar", Blob.of(archive));
        } else {
            Matcher m = RANGE.matcher(range.strip());
            long total = archive.length;
            long first;
            long last;
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                return unsatisfiable(total);
            }
            if (m.group(1).isEmpty()) {
                first = Math.max(0, total - Long.parseLong(m.group(2)));
                last = total - 1;
            } else {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? total - 1 : Math.min(total - 1, Long.parseLong(m.group(2)));
            }
            if (first >= total || first > last) {
                return unsatisfiable(total);
            }
            response = Response.streamed(206, "application/x-tar",
                    Blob.of(Arrays.copyOfRange(archive, (int) first, (int) last + 1)))
                    .withHeader("Content-Range", "bytes " + first + "-" + last + "/" + total);
        }
        return response.withHeader("Accept-Ranges", "bytes")
                .withHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    private static Response unsatisfiable(long total) {
        return new Response(416, Map.of("Content-Range", "bytes */" + total), new byte[0]);
    }
}
