package io.github.finetune4j.migrate.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.Map;

/** The retraining of a model on the target in the manifest: the translated request and the job it started. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RetrainState {
    /** The target provider's id. */
    public String provider;
    /** The target base model, chosen once. */
    public String baseModel;
    /** Why that base model. */
    public String baseModelReason;
    /** {@code supervised} or {@code dpo}. */
    public String method;
    /** The hyperparameters sent: name to number or {@code auto}. */
    public Map<String, String> hyperparameters = new LinkedHashMap<>();
    /** How the hyperparameters were translated. */
    public String hyperparameterPolicy;
    /** The suffix sent. */
    public String suffix;
    /** The seed sent. */
    public Long seed;
    /** The pre-flight's estimated trained tokens. */
    public Long estimatedTrainedTokens;
    /** The pre-flight's estimated cost in USD, when the target's price is known. */
    public String estimatedCostUsd;
    /** The training price table used. */
    public String priceTableVersion;
    /** The idempotency key of the job, as the provider echoes it. */
    public String idempotencyKey;
    /** Which attempt this is: 1, or more after failed jobs were retried. */
    public int attempt = 1;
    /** The target job, once created. */
    public String jobId;
    /** The job's last status seen. */
    public String status;
    /** The new fine-tuned model. */
    public String fineTunedModel;
    /** Tokens the provider trained. */
    public Long trainedTokens;
    /** Why it failed. */
    public String error;
    /** When the job was started (ISO-8601). */
    public String startedAt;
    /** When it finished (ISO-8601). */
    public String finishedAt;
}
