package io.github.finetune4j.azure.internal;

import io.github.finetune4j.azure.AzureApiRoute;
import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.PageRequest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data-plane URLs: {@code {endpoint}/openai/v1/...} on the v1 route, {@code {endpoint}/openai/...?api-version=}
 * on the dated route. File import and batches always use the dated route (with the configured api-version, by default
 * {@code 2024-10-21}), because v1 lacks them.
 */
final class AzureEndpoints {
    private final AzureConfig config;

    AzureEndpoints(AzureConfig config) {
        this.config = config;
    }

    URI files() {
        return uri(config.route(), "/files", Map.of());
    }

    /** The GA dated route has no file paging; v1 has {@code after} and {@code limit}. */
    URI files(PageRequest page) {
        return uri(config.route(), "/files", config.route() == AzureApiRoute.V1 ? paging(page) : Map.of());
    }

    URI file(FileId id) {
        return uri(config.route(), "/files/" + Urls.segment(id.value()), Map.of());
    }

    URI fileContent(FileId id) {
        return uri(config.route(), "/files/" + Urls.segment(id.value()) + "/content", Map.of());
    }

    URI fileImport() {
        return uri(AzureApiRoute.DATED, "/files/import", Map.of());
    }

    URI batches() {
        return uri(AzureApiRoute.DATED, "/batches", Map.of());
    }

    URI batch(BatchId id) {
        return uri(AzureApiRoute.DATED, batchPath(id), Map.of());
    }

    URI batchCancel(BatchId id) {
        return uri(AzureApiRoute.DATED, batchPath(id) + "/cancel", Map.of());
    }

    URI jobs() {
        return uri(config.route(), "/fine_tuning/jobs", Map.of());
    }

    URI jobs(PageRequest page) {
        return uri(config.route(), "/fine_tuning/jobs", paging(page));
    }

    URI job(JobId id) {
        return uri(config.route(), jobPath(id), Map.of());
    }

    URI jobAction(JobId id, String action) {
        return uri(config.route(), jobPath(id) + "/" + action, Map.of());
    }

    URI events(JobId id, PageRequest page) {
        return uri(config.route(), jobPath(id) + "/events", paging(page));
    }

    URI checkpoints(JobId id, PageRequest page) {
        return uri(config.route(), jobPath(id) + "/checkpoints", paging(page));
    }

    URI models() {
        return uri(config.route(), "/models", Map.of());
    }

    URI model(String model) {
        return uri(config.route(), "/models/" + Urls.segment(model), Map.of());
    }

    /** v1: the deployment goes into the body as {@code model}; dated: into the path. */
    URI chatCompletions(String deployment) {
        if (config.route() == AzureApiRoute.V1) {
            return uri(AzureApiRoute.V1, "/chat/completions", Map.of());
        }
        return uri(AzureApiRoute.DATED, "/deployments/" + Urls.segment(deployment) + "/chat/completions", Map.of());
    }

    private static String batchPath(BatchId id) {
        return "/batches/" + Urls.segment(id.value());
    }

    private static String jobPath(JobId id) {
        return "/fine_tuning/jobs/" + Urls.segment(id.value());
    }

    private static Map<String, String> paging(PageRequest page) {
        Map<String, String> query = new LinkedHashMap<>();
        page.after().ifPresent(a -> query.put("after", a));
        page.limit().ifPresent(l -> query.put("limit", Integer.toString(l)));
        return query;
    }

    private URI uri(AzureApiRoute route, String path, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(config.endpoint().toString())
                .append(route == AzureApiRoute.V1 ? "/openai/v1" : "/openai").append(path);
        char separator = '?';
        if (route == AzureApiRoute.DATED) {
            sb.append("?api-version=").append(Urls.query(config.apiVersion().value()));
            separator = '&';
        }
        for (Map.Entry<String, String> e : query.entrySet()) {
            sb.append(separator).append(e.getKey()).append('=').append(Urls.query(e.getValue()));
            separator = '&';
        }
        return URI.create(sb.toString());
    }

    @Override
    public String toString() {
        return config.endpoint() + " (" + config.route() + (config.route() == AzureApiRoute.DATED
                ? " api-version " + config.apiVersion() : "") + ")";
    }
}
