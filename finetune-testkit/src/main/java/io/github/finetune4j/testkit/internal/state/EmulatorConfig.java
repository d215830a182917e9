package io.github.finetune4j.testkit.internal.state;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The settings of one emulator, fixed when it is built. The durations are those the emulator's clock measures:
 * already divided by the speed of a scaled clock.
 *
 * @param organization the organization slug used in fine-tuned model names, e.g. {@code emulator}
 * @param fileProcessingDelay how long an uploaded file stays {@code uploaded} before it is {@code processed}
 * @param validationDuration how long a job stays in {@code validating_files}
 * @param queueDuration how long a job stays in {@code queued}
 * @param trainingDuration how long a job stays in {@code running}, spread evenly over its steps
 * @param baseModels the models that can be fine-tuned, and that chat answers for generically
 * @param seed the seed of generated ids, or null for ids with a random component; jobs created without a seed
 *     draw theirs from this seed (0 when null)
 * @param deploymentDuration how long an ARM deployment stays {@code Creating} before it is {@code Succeeded}
 * @param transitionDuration how long short transitions last: Azure's {@code pausing}/{@code resuming}, an ARM
 *     deletion, Together's {@code compressing}/{@code uploading}
 * @param uploadExpiry how long an Uploads API upload stays open; not sped up, as it is a limit of the protocol
 */
public record EmulatorConfig(String organization, Duration fileProcessingDelay, Duration validationDuration,
                             Duration queueDuration, Duration trainingDuration, List<String> baseModels, Long seed,
                             Duration deploymentDuration, Duration transitionDuration, Duration uploadExpiry) {

    /** The unscaled length of a short transition: 5 s. */
    public static final Duration TRANSITION = Duration.ofSeconds(5);

    /** How long an upload stays open on the service: one hour. */
    public static final Duration UPLOAD_EXPIRY = Duration.ofHours(1);

    public EmulatorConfig {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(fileProcessingDelay, "fileProcessingDelay");
        Objects.requireNonNull(validationDuration, "validationDuration");
        Objects.requireNonNull(queueDuration, "queueDuration");
        Objects.requireNonNull(trainingDuration, "trainingDuration");
        baseModels = List.copyOf(baseModels);
        Objects.requireNonNull(deploymentDuration, "deploymentDuration");
        Objects.requireNonNull(transitionDuration, "transitionDuration");
        Objects.requireNonNull(uploadExpiry, "uploadExpiry");
    }

    /**
     * Returns the organization id the jobs report, {@code org-} followed by the slug.
     *
     * @return the organization id
     */
    public String organizationId() {
        return "org-" + organization;
    }

    /**
     * Returns a copy for another side of the emulator: other base models, another seed.
     *
     * @param models the base models of that side
     * @param sideSeed the seed of its ids, or null for random ids
     * @return the copy
     */
    public EmulatorConfig forSide(List<String> models, Long sideSeed) {
        return new EmulatorConfig(organization, fileProcessingDelay, validationDuration, queueDuration,
                trainingDuration, models, sideSeed, deploymentDuration, transitionDuration, uploadExpiry);
    }

    /**
     * Divides a configured duration by a clock's speed.
     *
     * @param duration the configured duration
     * @param speed the speed, greater than 0
     * @return the duration the clock measures
     */
    public static Duration scaled(Duration duration, double speed) {
        return speed == 1.0 ? duration : Duration.ofNanos((long) (duration.toNanos() / speed));
    }
}
