package io.github.finetune4j.migrate;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.model.JobSnapshot;

/**
 * How the comparison reaches a newly trained model. On most providers a fine-tuned model answers by its name
 * ({@link #direct()}); on Azure OpenAI it answers only through a deployment, which an implementation creates (for
 * example with {@code AzureDeployments}, Developer tier for a comparison without an hourly fee):
 *
 * <pre>{@code
 * ModelServing viaDeployment = (client, job) -> deployments.model(client, deployments.deploy(
 *         DeploymentRequest.builder().name("migrated-" + job.suffix().orElse("model"))
 *                 .fineTunedModel(job).sku(DeploymentSku.DEVELOPER).build()));
 * }</pre>
 *
 * <p>{@link #serve} is called once per model each time a comparison runs (again after a crash), so it must be
 * idempotent: a second call for the same job must not create a second billable resource (a deployment of the same
 * name is updated in place, not duplicated).
 */
@FunctionalInterface
public interface ModelServing {
    /**
     * A handle that answers as the job's fine-tuned model. May perform I/O and block (a deployment).
     *
     * @param client the target's client
     * @param job the succeeded job
     * @return the model
     * @throws io.github.finetune4j.core.error.FineTuneException if it cannot be served
     */
    FineTunedModel serve(FineTuneClient client, JobSnapshot job);

    /**
     * Called when the comparison of a model is done with it: a chance to delete a deployment made only for it.
     * Default: nothing.
     *
     * @param client the target's client
     * @param job the succeeded job
     * @throws io.github.finetune4j.core.error.FineTuneException if releasing fails (reported, not fatal)
     */
    default void release(FineTuneClient client, JobSnapshot job) {
    }

    /**
     * The model by its name: {@code client.model(job)}.
     *
     * @return the serving
     */
    static ModelServing direct() {
        return (client, job) -> client.model(job);
    }
}
