package io.github.finetune4j.together.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.together.TogetherTraining;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON bodies of {@code POST /fine-tunes} and {@code POST /fine-tunes/estimate-price}, as the spec defines them:
 * the common request's fields (model, files, epochs, batch size with {@code auto} as {@code "max"}, suffix, seed,
 * SFT or DPO with its beta) plus {@link TogetherTraining}. Keys without a value are left out rather than sent as
 * {@code null}; SFT sends {@code training_method} only when {@code train_on_inputs} is chosen (as a boolean: the
 * spec's schema refuses {@code "auto"} there), LoRA sends {@code training_type} only with a rank (the schema requires
 * {@code lora_r} and {@code lora_alpha}; without them the service trains LoRA at the model's largest rank). The
 * request's unsupported extra body properties are merged last. Together stores no metadata, so the idempotency key
 * is not sent: jobs of an ambiguous attempt are found by their content, including the settings of
 * {@link #settings(JobCreation)}.
 */
final class JobBodies {
    private JobBodies() {
    }

    static ObjectNode create(ObjectMapper mapper, JobCreation creation) {
        TogetherTraining training = options(creation);
        ObjectNode body = estimate(mapper, creation);
        Hyperparameters h = creation.hyperparameters();
        training.checkpoints().ifPresent(c -> body.put("n_checkpoints", c));
        h.batchSize().ifPresent(b -> {
            if (b.isAuto()) {
                body.put("batch_size", "max");
            } else {
                body.put("batch_size", (int) b.number().getAsDouble());
            }
        });
        if (number(h.learningRateMultiplier()).isPresent()) {
            throw new IllegalArgumentException("Together takes an absolute learning rate, not a multiplier: set "
                    + "TogetherTraining.builder().learningRate(...) (the service's default is 1e-5)");
        }
        training.learningRate().ifPresent(r -> body.put("learning_rate", r));
        training.scheduler().ifPresent(s -> {
            ObjectNode scheduler = body.putObject("lr_scheduler");
            scheduler.put("lr_scheduler_type", s.cosine() ? "cosine" : "linear");
            ObjectNode args = scheduler.putObject("lr_scheduler_args");
            args.put("min_lr_ratio", s.minLrRatio());
            s.numCycles().ifPresent(n -> args.put("num_cycles", n));
        });
        training.warmupRatio().ifPresent(w -> body.put("warmup_ratio", w));
        training.maxGradNorm().ifPresent(n -> body.put("max_grad_norm", n));
        training.weightDecay().ifPresent(w -> body.put("weight_decay", w));
        creation.seed().ifPresent(s -> body.put("random_seed", s));
        creation.suffix().ifPresent(s -> body.put("suffix", s));
        training.fromHubModel().ifPresent(m -> body.put("from_hf_model", m));
        training.hubModelRevision().ifPresent(r -> body.put("hf_model_revision", r));
        training.hubRepository().ifPresent(r -> body.put("hf_output_repo_name", r));
        training.hubToken().ifPresent(t -> body.put("hf_api_token", t.reveal()));
        creation.extraBodyProperties().forEach((name, value) -> body.set(name, mapper.valueToTree(value)));
        return body;
    }

    /**
     * What the estimate takes of a job: files, model, epochs, evaluations, method, type, checkpoint; the create body
     * starts from it.
     */
    static ObjectNode estimate(ObjectMapper mapper, JobCreation creation) {
        TogetherTraining training = options(creation);
        ObjectNode body = mapper.createObjectNode();
        body.put("training_file", creation.trainingFile().value());
        creation.validationFile().ifPresent(v -> body.put("validation_file", v.value()));
        body.put("model", creation.baseModel());
        number(creation.hyperparameters().epochs()).ifPresent(e -> body.put("n_epochs", e.intValue()));
        training.evaluations().ifPresent(e -> body.put("n_evals", e));
        method(body, creation, training);
        trainingType(body, training);
        training.fromCheckpoint().ifPresent(c -> body.put("from_checkpoint", c));
        return body;
    }

    /**
     * The settings of {@link TogetherTraining} a job reports back ({@link TogetherMapper#settings}), as this creation
     * asks for them: the training type always (LoRA unless full training is chosen, as the service defaults), the
     * rank, alpha, learning rate, checkpoints and evaluations where given.
     */
    static Map<String, String> settings(JobCreation creation) {
        TogetherTraining training = options(creation);
        Map<String, String> settings = new HashMap<>();
        settings.put(TogetherMapper.TRAINING_TYPE, training.type() == TogetherTraining.Type.FULL ? "full" : "lora");
        training.loraRank().ifPresent(rank -> {
            settings.put(TogetherMapper.LORA_RANK, Integer.toString(rank));
            settings.put(TogetherMapper.LORA_ALPHA, Integer.toString(training.loraAlpha().orElse(2 * rank)));
        });
        training.learningRate().ifPresent(r -> settings.put(TogetherMapper.LEARNING_RATE, Double.toString(r)));
        training.checkpoints().ifPresent(c -> settings.put(TogetherMapper.CHECKPOINTS, Integer.toString(c)));
        training.evaluations().ifPresent(e -> settings.put(TogetherMapper.EVALUATIONS, Integer.toString(e)));
        return settings;
    }

    static TogetherTraining options(JobCreation creation) {
        if (creation.providerOptions().isPresent() && creation.providerOptions(TogetherTraining.class).isEmpty()) {
            throw new IllegalArgumentException("Together takes TogetherTraining options, not "
                    + creation.providerOptions().get().getClass().getSimpleName());
        }
        return creation.providerOptions(TogetherTraining.class).orElse(TogetherTraining.defaults());
    }

    private static void method(ObjectNode body, JobCreation creation, TogetherTraining training) {
        if (creation.method() == FineTuneMethod.DPO) {
            ObjectNode method = body.putObject("training_method");
            method.put("method", "dpo");
            number(creation.hyperparameters().beta()).ifPresent(b -> method.put("dpo_beta", b));
            return;
        }
        training.trainOnInputs().ifPresent(t -> {
            ObjectNode method = body.putObject("training_method");
            method.put("method", "sft");
            method.put("train_on_inputs", t);
        });
    }

    private static void trainingType(ObjectNode body, TogetherTraining training) {
        if (training.type() == TogetherTraining.Type.FULL) {
            body.putObject("training_type").put("type", "Full");
            return;
        }
        training.loraRank().ifPresent(rank -> {
            ObjectNode type = body.putObject("training_type");
            type.put("type", "Lora");
            type.put("lora_r", rank);
            type.put("lora_alpha", training.loraAlpha().orElse(2 * rank));
            training.loraDropout().ifPresent(d -> type.put("lora_dropout", d));
            training.loraTrainableModules().ifPresent(m -> type.put("lora_trainable_modules", m));
        });
    }

    private static Optional<Double> number(Optional<HyperparameterValue> value) {
        return value.filter(v -> !v.isAuto()).map(v -> v.number().getAsDouble());
    }
}
