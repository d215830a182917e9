package io.github.finetune4j.testkit.internal.together;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.testkit.internal.http.ApiError;

import java.util.Set;
import java.util.regex.Pattern;

import static io.github.finetune4j.testkit.internal.together.TogetherFields.bool;
import static io.github.finetune4j.testkit.internal.together.TogetherFields.integer;
import static io.github.finetune4j.testkit.internal.together.TogetherFields.invalid;
import static io.github.finetune4j.testkit.internal.together.TogetherFields.number;
import static io.github.finetune4j.testkit.internal.together.TogetherFields.object;
import static io.github.finetune4j.testkit.internal.together.TogetherFields.present;
import static io.github.finetune4j.testkit.internal.together.TogetherFields.range;
import static io.github.finetune4j.testkit.internal.together.TogetherFields.rejectUnknown;
import static io.github.finetune4j.testkit.internal.together.TogetherFields.requiredString;
import static io.github.finetune4j.testkit.internal.together.TogetherFields.string;

/**
 * Parses and checks the bodies of {@code POST /fine-tunes} and {@code POST /fine-tunes/estimate-price}: exactly the
 * fields of the spec (plus {@code wandb_key}, which the official SDKs send for {@code wandb_api_key}), each with
 * its type, then the service's limits for the chosen model (epochs, evaluations, batch size, learning rate, LoRA
 * rank, full training only where offered, a validation file for evaluations, a Hub token for a Hub push). The
 * secrets ({@code wandb_api_key}, {@code hf_api_token}) are only noted as present, never kept.
 */
final class TogetherJobRequest {

    private static final Set<String> CREATE_KEYS = Set.of("training_file", "validation_file", "packing",
            "max_seq_length", "model", "n_epochs", "n_checkpoints", "n_evals", "batch_size", "learning_rate",
            "lr_scheduler", "warmup_ratio", "max_grad_norm", "weight_decay", "random_seed", "suffix", "wandb_api_key",
            "wandb_key", "wandb_base_url", "wandb_project_name", "wandb_name", "wandb_entity", "train_on_inputs",
            "training_method", "training_type", "multimodal_params", "from_checkpoint", "from_hf_model",
            "hf_model_revision", "hf_api_token", "hf_output_repo_name");
    private static final Set<String> ESTIMATE_KEYS = Set.of("training_file", "validation_file", "model", "n_epochs",
            "n_evals", "training_method", "training_type", "from_checkpoint");
    private static final Set<String> SFT_KEYS = Set.of("method", "train_on_inputs");
    private static final Set<String> DPO_KEYS = Set.of("method", "dpo_beta", "rpo_alpha",
            "dpo_normalize_logratios_by_length", "dpo_reference_free", "simpo_gamma");
    private static final Set<String> LORA_KEYS = Set.of("type", "lora_r", "lora_alpha", "lora_dropout",
            "lora_trainable_modules");
    private static final Set<String> SCHEDULER_KEYS = Set.of("lr_scheduler_type", "lr_scheduler_args");
    private static final Set<String> SCHEDULER_ARG_KEYS = Set.of("min_lr_ratio", "num_cycles");
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern HF_REPO = Pattern.compile("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+");

    private TogetherJobRequest() {
    }

    /**
     * Parses a create body.
     *
     * @param body the JSON object
     * @return the checked parameters
     * @throws ApiError 400 for an unknown key, a wrong type or a value out of range
     */
    static TogetherJobParams create(JsonNode body) {
        rejectUnknown(body, CREATE_KEYS, "");
        TogetherJobParams.Builder p = common(body, true);
        int epochs = p.nEpochs;
        Integer checkpoints = integer(body, "n_checkpoints", "");
        p.nCheckpoints = checkpoints == null ? 1 : checkpoints;
        range("n_checkpoints", p.nCheckpoints, 1, epochs);
        Object batch = batchSize(body.get("batch_size"));
        p.batchSize = batch instanceof Integer ? (Integer) batch : null;
        Double learningRate = number(body, "learning_rate", "");
        p.learningRate = learningRate == null ? TogetherJobParams.DEFAULT_LEARNING_RATE : learningRate;
        range("learning_rate", p.learningRate, TogetherModel.MIN_LEARNING_RATE, TogetherModel.MAX_LEARNING_RATE);
        scheduler(object(body, "lr_scheduler", ""), p);
        p.warmupRatio = optional(number(body, "warmup_ratio", ""), 0.0);
        range("warmup_ratio", p.warmupRatio, 0, 1);
        p.maxGradNorm = optional(number(body, "max_grad_norm", ""), 1.0);
        range("max_grad_norm", p.maxGradNorm, 0, Double.MAX_VALUE);
        p.weightDecay = optional(number(body, "weight_decay", ""), 0.0);
        range("weight_decay", p.weightDecay, 0, Double.MAX_VALUE);
        p.randomSeed = integer(body, "random_seed", "");
        p.suffix = string(body, "suffix", "");
        if (p.suffix != null && !SUFFIX.matcher(p.suffix).matches()) {
            throw invalid("Invalid value for 'suffix': use 1 to 64 letters, digits, '.', '-' or '_'.", "suffix");
        }
        p.packing = optional(bool(body, "packing", ""), true);
        p.maxSeqLength = integer(body, "max_seq_length", "");
        if (p.maxSeqLength != null) {
            range("max_seq_length", p.maxSeqLength, 1, p.model.contextLength());
        }
        p.wandbKeyGiven = string(body, "wandb_api_key", "") != null || string(body, "wandb_key", "") != null;
        p.wandbBaseUrl = string(body, "wandb_base_url", "");
        p.wandbProjectName = string(body, "wandb_project_name", "");
        p.wandbName = string(body, "wandb_name", "");
        p.wandbEntity = string(body, "wandb_entity", "");
        Object trainOnInputs = trainOnInputs(body.get("train_on_inputs"), "train_on_inputs");
        if (trainOnInputs != null) {
            p.trainOnInputs = trainOnInputs instanceof Boolean ? (Boolean) trainOnInputs : null;
        }
        JsonNode multimodal = object(body, "multimodal_params", "");
        if (multimodal != null) {
            rejectUnknown(multimodal, Set.of("train_vision"), "multimodal_params.");
            if (Boolean.TRUE.equals(bool(multimodal, "train_vision", "multimodal_params."))) {
                throw invalid("Model " + p.model.id() + " has no vision encoder to train.",
                        "multimodal_params.train_vision");
            }
        }
        p.fromHfModel = string(body, "from_hf_model", "");
        if (p.fromHfModel != null && !HF_REPO.matcher(p.fromHfModel).matches()) {
            throw invalid("Invalid value for 'from_hf_model': expected a Hugging Face repo 'owner/name'.",
                    "from_hf_model");
        }
        p.hfModelRevision = string(body, "hf_model_revision", "");
        p.hfOutputRepoName = string(body, "hf_output_repo_name", "");
        p.hfTokenGiven = string(body, "hf_api_token", "") != null;
        if (p.hfOutputRepoName != null && !p.hfTokenGiven) {
            throw invalid("'hf_output_repo_name' needs 'hf_api_token': the model is pushed to the Hugging Face Hub "
                    + "with your token.", "hf_api_token");
        }
        if (p.hfOutputRepoName != null && !HF_REPO.matcher(p.hfOutputRepoName).matches()) {
            throw invalid("Invalid value for 'hf_output_repo_name': expected 'owner/name'.", "hf_output_repo_name");
        }
        checkBatch(p);
        return p.build();
    }

    /**
     * Parses a price-estimate body.
     *
     * @param body the JSON object
     * @return the checked parameters (defaults for what an estimate does not take)
     * @throws ApiError 400 for an unknown key, a wrong type or a value out of range
     */
    static TogetherJobParams estimate(JsonNode body) {
        rejectUnknown(body, ESTIMATE_KEYS, "");
        TogetherJobParams.Builder p = common(body, false);
        p.nCheckpoints = 1;
        p.learningRate = TogetherJobParams.DEFAULT_LEARNING_RATE;
        return p.build();
    }

    /** The fields create and estimate share. */
    private static TogetherJobParams.Builder common(JsonNode body, boolean modelRequired) {
        TogetherJobParams.Builder p = new TogetherJobParams.Builder();
        p.trainingFile = requiredString(body, "training_file", "");
        p.validationFile = string(body, "validation_file", "");
        String model = modelRequired ? requiredString(body, "model", "") : string(body, "model", "");
        p.model = TogetherCatalog.find(model == null ? TogetherCatalog.MODELS.get(0).id() : model)
                .orElseThrow(() -> invalid("Model " + model + " is not supported for fine-tuning; "
                        + "GET /fine-tunes/models/supported lists the models that are.", "model"));
        p.nEpochs = optional(integer(body, "n_epochs", ""), 1);
        range("n_epochs", p.nEpochs, 1, TogetherModel.MAX_EPOCHS);
        p.nEvals = optional(integer(body, "n_evals", ""), 0);
        range("n_evals", p.nEvals, 0, TogetherModel.MAX_EVALS);
        if (p.nEvals > 0 && p.validationFile == null) {
            throw invalid("'n_evals' > 0 needs a 'validation_file' to evaluate on.", "validation_file");
        }
        method(object(body, "training_method", ""), p);
        trainingType(body, p);
        p.fromCheckpoint = string(body, "from_checkpoint", "");
        return p;
    }

    private static void method(JsonNode node, TogetherJobParams.Builder p) {
        p.dpo = false;
        if (node == null) {
            return;
        }
        String method = requiredString(node, "method", "training_method.");
        if (method.equals("sft")) {
            rejectUnknown(node, SFT_KEYS, "training_method.");
            if (!node.has("train_on_inputs")) {
                throw ApiError.invalidRequest("Missing required parameter 'training_method.train_on_inputs' "
                        + "(true, false or \"auto\").", "training_method.train_on_inputs",
                        "missing_required_parameter");
            }
            Object value = trainOnInputs(node.get("train_on_inputs"), "training_method.train_on_inputs");
            p.trainOnInputs = value instanceof Boolean ? (Boolean) value : null;
        } else if (method.equals("dpo")) {
            rejectUnknown(node, DPO_KEYS, "training_method.");
            p.dpo = true;
            p.dpoBeta = optional(number(node, "dpo_beta", "training_method."), 0.1);
            range("training_method.dpo_beta", p.dpoBeta, Double.MIN_VALUE, 10);
            p.rpoAlpha = optional(number(node, "rpo_alpha", "training_method."), 0.0);
            range("training_method.rpo_alpha", p.rpoAlpha, 0, Double.MAX_VALUE);
            p.simpoGamma = optional(number(node, "simpo_gamma", "training_method."), 0.0);
            range("training_method.simpo_gamma", p.simpoGamma, 0, Double.MAX_VALUE);
            p.dpoNormalize = optional(bool(node, "dpo_normalize_logratios_by_length", "training_method."), false);
            p.dpoReferenceFree = optional(bool(node, "dpo_reference_free", "training_method."), false);
        } else {
            throw invalid("Invalid value for 'training_method.method': '" + method + "' is not one of "
                    + "['sft', 'dpo'].", "training_method.method");
        }
    }

    private static void trainingType(JsonNode body, TogetherJobParams.Builder p) {
        JsonNode node = object(body, "training_type", "");
        TogetherModel model = p.model;
        p.lora = true;
        p.loraR = model.lora().maxRank();
        p.loraAlpha = 2 * p.loraR;
        p.loraDropout = 0.0;
        p.loraModules = "all-linear";
        if (node == null) {
            return;
        }
        String type = requiredString(node, "type", "training_type.");
        if (type.equals("Full")) {
            rejectUnknown(node, Set.of("type"), "training_type.");
            if (model.full() == null) {
                throw invalid("Full fine-tuning is not available for " + model.id() + "; use LoRA "
                        + "(\"training_type\": {\"type\": \"Lora\", ...}).", "training_type.type");
            }
            p.lora = false;
            return;
        }
        if (!type.equals("Lora")) {
            throw invalid("Invalid value for 'training_type.type': '" + type + "' is not one of ['Full', 'Lora'].",
                    "training_type.type");
        }
        rejectUnknown(node, LORA_KEYS, "training_type.");
        for (String key : new String[]{"lora_r", "lora_alpha"}) {
            if (!present(node, key)) {
                throw ApiError.invalidRequest("Missing required parameter 'training_type." + key + "'.",
                        "training_type." + key, "missing_required_parameter");
            }
        }
        p.loraR = integer(node, "lora_r", "training_type.");
        range("training_type.lora_r", p.loraR, 1, model.lora().maxRank());
        p.loraAlpha = integer(node, "lora_alpha", "training_type.");
        range("training_type.lora_alpha", p.loraAlpha, 1, 4096);
        p.loraDropout = optional(number(node, "lora_dropout", "training_type."), 0.0);
        if (p.loraDropout < 0 || p.loraDropout >= 1) {
            throw invalid("Invalid value for 'training_type.lora_dropout': must be in [0, 1).",
                    "training_type.lora_dropout");
        }
        p.loraModules = optional(TogetherFields.string(node, "lora_trainable_modules", "training_type."),
                "all-linear");
        if (!p.loraModules.equals("all-linear")) {
            for (String module : p.loraModules.split(",")) {
                if (!TogetherModel.TARGET_MODULES.contains(module.strip())) {
                    throw invalid("Invalid value for 'training_type.lora_trainable_modules': '" + module.strip()
                            + "' is not one of all-linear or " + TogetherModel.TARGET_MODULES + ".",
                            "training_type.lora_trainable_modules");
                }
            }
        }
    }

    private static void scheduler(JsonNode node, TogetherJobParams.Builder p) {
        p.schedulerType = "linear";
        p.minLrRatio = 0.0;
        p.numCycles = null;
        if (node == null) {
            return;
        }
        rejectUnknown(node, SCHEDULER_KEYS, "lr_scheduler.");
        p.schedulerType = requiredString(node, "lr_scheduler_type", "lr_scheduler.");
        if (!p.schedulerType.equals("linear") && !p.schedulerType.equals("cosine")) {
            throw invalid("Invalid value for 'lr_scheduler.lr_scheduler_type': '" + p.schedulerType
                    + "' is not one of ['linear', 'cosine'].", "lr_scheduler.lr_scheduler_type");
        }
        JsonNode args = object(node, "lr_scheduler_args", "lr_scheduler.");
        if (p.schedulerType.equals("cosine")) {
            p.numCycles = 0.5;
        }
        if (args == null) {
            return;
        }
        rejectUnknown(args, SCHEDULER_ARG_KEYS, "lr_scheduler.lr_scheduler_args.");
        p.minLrRatio = optional(number(args, "min_lr_ratio", "lr_scheduler.lr_scheduler_args."), 0.0);
        range("lr_scheduler.lr_scheduler_args.min_lr_ratio", p.minLrRatio, 0, 1);
        Double cycles = number(args, "num_cycles", "lr_scheduler.lr_scheduler_args.");
        if (cycles != null) {
            if (p.schedulerType.equals("linear")) {
                throw invalid("'num_cycles' applies to the cosine scheduler only.",
                        "lr_scheduler.lr_scheduler_args.num_cycles");
            }
            if (cycles <= 0) {
                throw invalid("Invalid value for 'lr_scheduler.lr_scheduler_args.num_cycles': must be greater "
                        + "than 0.", "lr_scheduler.lr_scheduler_args.num_cycles");
            }
            p.numCycles = cycles;
        }
    }

    /** Reads a batch size: an integer, or "max" (returned as the string). */
    private static Object batchSize(JsonNode value) {
        if (value == null || value.isNull()) {
            return "max";
        }
        if (value.isTextual() && value.asText().equals("max")) {
            return "max";
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiError.invalidRequest("Invalid type for 'batch_size': expected an integer or \"max\".",
                    "batch_size", "invalid_type");
        }
        return value.asInt();
    }

    private static void checkBatch(TogetherJobParams.Builder p) {
        if (p.batchSize == null) {
            return;
        }
        TogetherModel.Limits limits = p.lora ? p.model.lora() : p.model.full();
        int max = p.dpo ? limits.maxBatchDpo() : limits.maxBatch();
        range("batch_size", p.batchSize, limits.minBatch(), max);
    }

    /** Reads true, false or "auto" (returned as the string). */
    private static Object trainOnInputs(JsonNode value, String param) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual() && value.asText().equals("auto")) {
            return "auto";
        }
        throw ApiError.invalidRequest("Invalid type for '" + param + "': expected true, false or \"auto\".", param,
                "invalid_type");
    }

    private static <T> T optional(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
