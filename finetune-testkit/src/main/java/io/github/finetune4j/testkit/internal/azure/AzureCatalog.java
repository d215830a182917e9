package io.github.finetune4j.testkit.internal.azure;

import io.github.finetune4j.testkit.internal.state.FineTuneMethodType;
import io.github.finetune4j.testkit.internal.state.JobService;
import io.github.finetune4j.testkit.internal.state.JobSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the emulated Azure resource can fine-tune besides the GPT base models: Azure AI Foundry's open models, in
 * preview ({@code lifecycle_status: preview}), each with the training tiers the service allows for it. As on the
 * service, the model objects of {@code /models} do not list the tiers (no spec has a field for them); a job with
 * another tier is refused when it is created: {@code 400 invalidPayload} "Standard TrainingType is not supported."
 * (the service's words), with the tiers the model allows added as the emulator's hint. Open models are fine-tuned
 * with supervised fine-tuning only; a DPO job on one is refused the same way. GPT models take every tier.
 *
 * <table>
 * <caption>Open models</caption>
 * <tr><th>model</th><th>tiers</th></tr>
 * <tr><td>{@code Ministral-3B}</td><td>GlobalStandard</td></tr>
 * <tr><td>{@code Qwen-32B}</td><td>GlobalStandard</td></tr>
 * <tr><td>{@code Llama-3.3-70B-Instruct}</td><td>GlobalStandard, DataZoneStandard</td></tr>
 * <tr><td>{@code gpt-oss-20b}</td><td>GlobalStandard, DataZoneStandard</td></tr>
 * </table>
 */
public final class AzureCatalog {

    private static final Map<String, List<String>> OPEN_MODELS = open();

    private AzureCatalog() {
    }

    private static Map<String, List<String>> open() {
        Map<String, List<String>> models = new LinkedHashMap<>();
        models.put("Ministral-3B", List.of("GlobalStandard"));
        models.put("Qwen-32B", List.of("GlobalStandard"));
        models.put("Llama-3.3-70B-Instruct", List.of("GlobalStandard", "DataZoneStandard"));
        models.put("gpt-oss-20b", List.of("GlobalStandard", "DataZoneStandard"));
        return Collections.unmodifiableMap(models);
    }

    /**
     * The base models of the Azure resource: the configured GPT models, then the open models.
     *
     * @param gptModels the base models the emulator was configured with
     * @return every base model the resource fine-tunes
     */
    public static List<String> baseModels(List<String> gptModels) {
        List<String> all = new ArrayList<>(gptModels);
        OPEN_MODELS.keySet().stream().filter(m -> !all.contains(m)).forEach(all::add);
        return all;
    }

    /**
     * The open models and the tiers each allows, in the spelling of the service's {@code trainingType}.
     *
     * @return model to tiers, in catalog order
     */
    public static Map<String, List<String>> openModels() {
        return OPEN_MODELS;
    }

    /**
     * Tells whether a model is an open model (or fine-tuned from one).
     *
     * @param model the model id
     * @return true for an open model
     */
    static boolean isOpen(String model) {
        return tiers(model).isPresent();
    }

    /**
     * Refuses a job the service refuses because of its base model: a tier or a method the model does not allow.
     *
     * @param spec the parsed job
     * @throws io.github.finetune4j.testkit.internal.http.ApiError 400 {@code invalidPayload}
     */
    static void checkCreate(JobSpec spec) {
        Optional<List<String>> allowed = tiers(spec.model());
        if (allowed.isEmpty()) {
            return;
        }
        String tier = spec.trainingType();
        if (tier != null && allowed.get().stream().noneMatch(t -> t.equalsIgnoreCase(tier))) {
            throw AzureErrors.invalidPayload(tier + " TrainingType is not supported. (FineTuningEmulator: "
                    + spec.model() + " trains with " + String.join(" or ", allowed.get()) + ".)", "trainingType");
        }
        if (spec.method() != FineTuneMethodType.SUPERVISED) {
            throw AzureErrors.invalidPayload("The method type '" + spec.method().name().toLowerCase(Locale.ROOT)
                    + "' is not supported for the base model '" + spec.model() + "'; it is fine-tuned with "
                    + "'supervised' only.", "method.type");
        }
    }

    private static Optional<List<String>> tiers(String model) {
        return Optional.ofNullable(OPEN_MODELS.get(JobService.baseModelOf(model)));
    }
}
