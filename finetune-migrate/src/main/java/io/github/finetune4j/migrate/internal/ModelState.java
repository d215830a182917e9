package io.github.finetune4j.migrate.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.Map;

/** One source job and its migration in the manifest. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ModelState {
    /** The source job id; the key of the entry. */
    public String sourceJob;
    /** The source job's status. */
    public String status;
    /** The fine-tuned model the job produced. */
    public String fineTunedModel;
    /** The base model. */
    public String baseModel;
    /** {@code supervised} or {@code dpo}. */
    public String method;
    /** Hyperparameters as the provider resolved them: name to number or {@code auto}. */
    public Map<String, String> hyperparameters = new LinkedHashMap<>();
    /** The suffix. */
    public String suffix;
    /** The seed. */
    public Long seed;
    /** Tokens trained. */
    public Long trainedTokens;
    /** When the job was created (ISO-8601). */
    public String createdAt;
    /** The model's shutdown date (ISO-8601 date), when announced. */
    public String shutdownDate;
    /** Whether it can be migrated at all (a succeeded job with a model). */
    public boolean migratable;
    /** Why not. */
    public String notMigratable;
    /** The training file. */
    public FileState trainingFile;
    /** The validation file. */
    public FileState validationFile;
    /** The golden answers. */
    public GoldenState golden;
    /** The retraining. */
    public RetrainState retrain;
    /** The comparison. */
    public CompareState compare;
}
