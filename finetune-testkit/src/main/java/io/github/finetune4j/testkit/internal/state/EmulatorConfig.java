package io.github.finetune4j.testkit.internal.state;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The settings of one emulator, fixed when it is built.
 *
 * @param organization the organization slug used in fine-tuned model names, e.g. {@code emulator}
 * @param fileProcessingDelay how long an uploaded file stays {@code uploaded} before it is {@code processed}
 * @param validationDuration how long a job stays in {@code validating_files}
 * @param queueDuration how long a job stays in {@code queued}
 * @param trainingDuration how long a job stays in {@code running}, spread evenly over its steps
 * @param baseModels the models that can be fine-tuned, and that chat answers for generically
 * @param seed the seed of generated ids and of jobs created without a seed
 * @param deploymentDuration how long an ARM deployment stays {@code Creating} before it is {@code Succeeded}
 */
public record EmulatorConfig(String organization, Duration fileProcessingDelay, Duration validationDuration,
                             Duration queueDuration, Duration trainingDuration, List<String> baseModels, long seed,
                             Duration deploymentDuration) {
    public EmulatorConfig {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(fileProcessingDelay, "fileProcessingDelay");
        Objects.requireNonNull(validationDuration, "validationDuration");
        Objects.requireNonNull(queueDuration, "queueDuration");
        Objects.requireNonNull(trainingDuration, "trainingDuration");
        baseModels = List.copyOf(baseModels);
        Objects.requireNonNull(deploymentDuration, "deploymentDuration");
    }

    /**
     * Returns the organization id the jobs report, {@code org-} followed by the slug.
     *
     * @return the organization id
     */
    public String organizationId() {
        return "org-" + organization;
    }
}
