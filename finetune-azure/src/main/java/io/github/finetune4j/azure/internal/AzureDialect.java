package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.azure.AzureApiRoute;
import io.github.finetune4j.core.model.EventLevel;
import io.github.finetune4j.core.model.FileStatus;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.ProviderCapabilities;
import io.github.finetune4j.openai.protocol.BaseDialect;
import io.github.finetune4j.openai.protocol.OpenAiDialect;
import io.github.finetune4j.openai.protocol.Operation;
import io.github.finetune4j.openai.protocol.ProtocolUris;

import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Azure OpenAI's dialect of the OpenAI protocol.
 *
 * <table>
 * <caption>What differs from OpenAI</caption>
 * <tr><th></th><th>v1 route</th><th>dated route</th></tr>
 * <tr><td>URLs</td><td>{@code {endpoint}/openai/v1/...}</td><td>{@code {endpoint}/openai/...?api-version=}</td></tr>
 * <tr><td>batches, file import</td><td colspan="2">always the dated route (v1 lacks them)</td></tr>
 * <tr><td>file list paging</td><td>{@code after}, {@code limit}</td><td>none (one page)</td></tr>
 * <tr><td>chat</td><td>{@code chat/completions}, deployment as {@code model}</td>
 *     <td>{@code deployments/{name}/chat/completions}</td></tr>
 * <tr><td>hyperparameters</td><td>{@code method}, "auto" sent</td>
 *     <td>supervised: top-level, numbers only; DPO: {@code method} (previews)</td></tr>
 * <tr><td>metadata</td><td>sent</td><td>not in the schema</td></tr>
 * <tr><td>pause/resume, DPO</td><td>yes</td><td>from {@code 2025-04-01-preview}</td></tr>
 * </table>
 *
 * <p>Both routes: {@code api-key} or an Entra bearer token, {@code trainingType} on job creation (the request's
 * {@code AzureTraining}, else the client's), the training types of the {@code AzureTrainingTable} in the catalog's
 * models, Azure's status words, no model deletion, no Uploads API, no metadata filter (a job of an ambiguous attempt
 * is found by its content: files, base model, method, suffix, seed, hyperparameters and creation time). Immutable.
 */
public final class AzureDialect extends BaseDialect {
    /** The provider id. */
    public static final String ID = "azure-openai";

    private final AzureConfig config;

    /**
     * Creates the dialect.
     *
     * @param config the resolved settings
     */
    public AzureDialect(AzureConfig config) {
        super(ID, "Azure OpenAI", ProviderCapabilities.builder(PriceTable.azureOpenAi()).build(), features(config));
        this.config = config;
    }

    private static Set<Feature> features(AzureConfig config) {
        Set<Feature> features = EnumSet.of(Feature.MODEL_CATALOG, Feature.BATCHES);
        if (Objects.requireNonNull(config, "config").supportsPreviewJobFeatures()) {
            features.add(Feature.PAUSE_RESUME);
            features.add(Feature.DPO);
        }
        return features;
    }

    @Override
    public URI uri(Operation operation, String path, Map<String, String> query) {
        return uri(operation.isBatch() ? AzureApiRoute.DATED : config.route(), path,
                isDated() && operation == Operation.FILES ? Map.of() : query);
    }

    /**
     * A URI on a given route, for operations only Azure has (file import is always on the dated route).
     *
     * @param route the route
     * @param path the encoded relative path
     * @param query the query, without {@code api-version}
     * @return the URI
     */
    public URI uri(AzureApiRoute route, String path, Map<String, String> query) {
        if (route == AzureApiRoute.V1) {
            return ProtocolUris.append(config.endpoint() + "/openai/v1", path, query);
        }
        Map<String, String> dated = new LinkedHashMap<>();
        dated.put("api-version", config.apiVersion().value());
        dated.putAll(query);
        return ProtocolUris.append(config.endpoint() + "/openai", path, dated);
    }

    @Override
    public void authenticate(HttpCall.Builder call) {
        config.auth().apply(call);
    }

    @Override
    public String whyUnsupported(Feature feature) {
        switch (feature) {
            case PAUSE_RESUME:
                return "Azure OpenAI can pause and resume jobs on the v1 route or with api-version "
                        + "2025-04-01-preview or later; configured: dated route, api-version " + config.apiVersion();
            case DPO:
                return "dpo fine-tuning needs the v1 route or a dated api-version from 2025-04-01-preview on; "
                        + "configured: " + config.apiVersion();
            case MODEL_DELETION:
                return "Azure OpenAI has no API to delete a fine-tuned model: delete its deployments "
                        + "(AzureDeployments.delete), then delete the model in the Azure AI Foundry portal";
            case LARGE_FILE_UPLOADS:
                return "Azure OpenAI has no Uploads API: files are uploaded in one request (or imported from a URL "
                        + "with AzureOpenAi.importFile)";
            default:
                return super.whyUnsupported(feature);
        }
    }

    @Override
    public JobStatus jobStatus(String raw) {
        return AzureStatuses.job(raw);
    }

    @Override
    public FileStatus fileStatus(String raw) {
        return AzureStatuses.file(raw);
    }

    @Override
    public EventLevel eventLevel(String raw) {
        return AzureStatuses.level(raw);
    }

    /** The dated GA schema has numeric top-level hyperparameters; DPO (previews) uses {@code method}. */
    @Override
    public HyperparameterPlacement hyperparameterPlacement(FineTuneMethod method) {
        return isDated() && method == FineTuneMethod.SUPERVISED ? HyperparameterPlacement.TOP_LEVEL
                : HyperparameterPlacement.METHOD;
    }

    @Override
    public boolean sendsMetadata() {
        return !isDated();
    }

    @Override
    public boolean sendsAutoValues() {
        return !isDated();
    }

    /** The request's tier ({@code AzureTraining}), else the client's. */
    @Override
    public void completeJobBody(ObjectNode body, JobCreation creation) {
        body.put("trainingType", config.trainingTypeFor(creation.providerOptions()).value());
    }

    /** The training types the table allows for the model; the service's catalog does not list them. */
    @Override
    public ModelInfo completeModel(ModelInfo model) {
        return config.trainingTable().find(model.id()).map(row -> model.withTrainingTypes(row.trainingTypeNames()))
                .orElse(model);
    }

    /**
     * The resolved settings.
     *
     * @return the settings
     */
    public AzureConfig config() {
        return config;
    }

    @Override
    public ChatRoute chatRoute() {
        return isDated() ? ChatRoute.DEPLOYMENT_IN_PATH : ChatRoute.MODEL_IN_BODY;
    }

    @Override
    public String batchLineUrl() {
        return "/chat/completions";
    }

    private boolean isDated() {
        return config.route() == AzureApiRoute.DATED;
    }

    @Override
    public String toString() {
        return "AzureOpenAI[" + config.endpoint() + " (" + config.route() + (isDated() ? " api-version "
                + config.apiVersion() : "") + "), " + config.auth() + "]";
    }
}
