package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.internal.poll.RecordingSleeper;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.EventLevel;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.MetricPoint;
import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.core.model.TrainingMetrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.github.finetune4j.core.internal.ScriptedProvider.job;
import static org.assertj.core.api.Assertions.assertThat;

class DefaultFineTuneJobMetricsTest {
    private final ScriptedProvider provider = new ScriptedProvider();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final DefaultFineTuneClient client = new DefaultFineTuneClient(provider,
            new ClientConfig(EnvironmentLookup.empty(), RetryPolicy.none(), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5), WaitOptions.defaults(),
                    sleeper.clock(), false, Duration.ofDays(90)),
            null, sleeper, () -> 0.5);

    private static JobEvent metricsEvent(String id, long step, Map<String, Double> values) {
        return new JobEvent(id, Instant.EPOCH.plusSeconds(step), EventLevel.INFO, "Step " + step + "/4",
                Optional.of(new TrainingMetrics(step, 4, values)));
    }

    @Test
    void runningJobWithoutResultFileReportsMetricsEventsAndCheckpoints() {
        provider.getJobAnswers.add(() -> job(JobStatus.RUNNING));
        provider.events.add(new JobEvent("ev-0", Instant.EPOCH, EventLevel.INFO, "Fine-tuning job started",
                Optional.empty()));
        provider.events.add(metricsEvent("ev-1", 1, Map.of("train_loss", 1.8)));
        provider.events.add(metricsEvent("ev-2", 2, Map.of("train_loss", 1.2, "valid_loss", 1.4)));
        provider.events.add(metricsEvent("ev-3", 3, Map.of("train_loss", 0.9)));
        provider.checkpoints.add(new Checkpoint("ftckpt-2", JobId.of("ftjob-1"), Instant.EPOCH, "ft:m:ckpt-step-2", 2,
                new TrainingMetrics(2, 4, Map.of("full_valid_loss", 1.35))));

        TrainingHistory history = client.attach(JobId.of("ftjob-1")).metrics();

        assertThat(history.trainLoss()).extracting(MetricPoint::value).containsExactly(1.8, 1.2, 0.9);
        assertThat(history.validLoss()).containsExactly(new MetricPoint(2, 1.4));
        assertThat(history.series("full_valid_loss")).containsExactly(new MetricPoint(2, 1.35));
        assertThat(history.totalSteps()).isEqualTo(4);
    }
}
