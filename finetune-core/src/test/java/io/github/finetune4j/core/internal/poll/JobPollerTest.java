package io.github.finetune4j.core.internal.poll;

import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.ApiErrorDetails;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.JobCancelledException;
import io.github.finetune4j.core.error.JobFailedException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.error.RateLimitException;
import io.github.finetune4j.core.error.ServerException;
import io.github.finetune4j.core.error.WaitTimeoutException;
import io.github.finetune4j.core.internal.ScriptedProvider;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.EventLevel;
import io.github.finetune4j.core.model.JobError;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.TrainingMetrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.finetune4j.core.internal.ScriptedProvider.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class JobPollerTest {
    private final ScriptedProvider provider = new ScriptedProvider();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<JobSnapshot> seen = new ArrayList<>();

    private JobPoller poller(WaitOptions options) {
        return new JobPoller(provider, options, sleeper.clock(), sleeper, () -> 0.5, seen::add);
    }

    private JobPoller poller() {
        return poller(WaitOptions.defaults());
    }

    private JobSnapshot await(JobPoller poller, JobSnapshot start) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> poller.await(start));
    }

    private void answers(JobSnapshot... snapshots) {
        for (JobSnapshot s : snapshots) {
            provider.getJobAnswers.add(() -> s);
        }
    }

    @Test
    void awaitCompletionReturnsTerminalSnapshotAfterQueuedAndRunning() {
        JobSnapshot done = job(JobStatus.SUCCEEDED).toBuilder().fineTunedModel("ft:gpt-4o-mini:org:t1000:abc").build();
        answers(job(JobStatus.QUEUED), job(JobStatus.RUNNING), job(JobStatus.RUNNING), done);

        JobSnapshot result = await(poller(), job(JobStatus.VALIDATING_FILES));

        assertThat(result).isEqualTo(done);
        assertThat(seen).extracting(JobSnapshot::status)
                .containsExactly(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.RUNNING, JobStatus.SUCCEEDED);
    }

    @Test
    void pollDelayGrowsByOneAndAHalfAndResetsOnStatusChange() {
        answers(job(JobStatus.QUEUED), job(JobStatus.QUEUED), job(JobStatus.QUEUED), job(JobStatus.RUNNING),
                job(JobStatus.RUNNING), job(JobStatus.SUCCEEDED));

        await(poller(), job(JobStatus.QUEUED));

        assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(5000), Duration.ofMillis(7500),
                Duration.ofMillis(11250), Duration.ofMillis(5000), Duration.ofMillis(7500));
    }

    @Test
    void pollDelayNeverExceedsMaximum() {
        for (int i = 0; i < 12; i++) {
            answers(job(JobStatus.RUNNING));
        }
        answers(job(JobStatus.SUCCEEDED));

        await(poller(), job(JobStatus.RUNNING));

        assertThat(sleeper.sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(60)));
        assertThat(sleeper.sleeps.get(sleeper.sleeps.size() - 1)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterSpreadsDelayByAtMostTwentyPercent() {
        answers(job(JobStatus.RUNNING), job(JobStatus.SUCCEEDED));
        JobPoller low = new JobPoller(provider, WaitOptions.defaults(), sleeper.clock(), sleeper, () -> 0.0, s -> { });

        await(low, job(JobStatus.RUNNING));

        assertThat(sleeper.sleeps.get(0)).isEqualTo(Duration.ofMillis(4000));
    }

    @Test
    void awaitCompletionThrowsJobFailedExceptionCarryingProviderError() {
        JobSnapshot failed = job(JobStatus.FAILED).toBuilder()
                .error(JobError.of("invalid_training_file", "Training file has 3 examples", "training_file")).build();
        answers(job(JobStatus.RUNNING), failed);

        assertThatThrownBy(() -> await(poller(), job(JobStatus.QUEUED)))
                .isInstanceOfSatisfying(JobFailedException.class, e -> {
                    assertThat(e.error()).isPresent();
                    assertThat(e.error().get().code()).contains("invalid_training_file");
                    assertThat(e.snapshot()).isEqualTo(failed);
                })
                .hasMessageContaining("invalid_training_file").hasMessageContaining("Training file has 3 examples");
    }

    @Test
    void awaitCompletionThrowsJobCancelledExceptionWhenCancelled() {
        answers(job(JobStatus.CANCELLED));

        assertThatThrownBy(() -> await(poller(), job(JobStatus.RUNNING)))
                .isInstanceOf(JobCancelledException.class);
    }

    @Test
    void unknownStatusIsNotTerminalAndWaitingGoesOn() {
        JobSnapshot odd = job(JobStatus.UNKNOWN).toBuilder().rawStatus("migrating").build();
        answers(odd, odd, job(JobStatus.SUCCEEDED));

        JobSnapshot result = await(poller(), job(JobStatus.RUNNING));

        assertThat(result.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(seen).extracting(JobSnapshot::rawStatus).contains("migrating");
    }

    @Test
    void deadlineThrowsWaitTimeoutWithLastSnapshotAndNeverCancels() {
        answers(job(JobStatus.RUNNING));
        WaitOptions options = WaitOptions.builder().timeout(Duration.ofSeconds(30)).build();

        assertThatThrownBy(() -> await(poller(options), job(JobStatus.QUEUED)))
                .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
                    assertThat(e.lastState(JobSnapshot.class)).map(JobSnapshot::status).contains(JobStatus.RUNNING);
                    assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(30));
                });
        assertThat(provider.cancelCalls).isZero();
        Duration slept = sleeper.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(slept).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void interruptStopsWaitingAndKeepsTheFlag() {
        answers(job(JobStatus.RUNNING));
        sleeper.beforeEachSleep(() -> Thread.currentThread().interrupt());

        try {
            assertThatThrownBy(() -> poller().await(job(JobStatus.RUNNING)))
                    .isInstanceOf(FineTuneInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(provider.cancelCalls).isZero();
    }

    @Test
    void listenerSeesEachEventOnceOldestFirst() {
        List<String> received = new ArrayList<>();
        provider.events.add(event("e1", 1));
        provider.getJobAnswers.add(() -> {
            return job(JobStatus.RUNNING);
        });
        provider.getJobAnswers.add(() -> {
            provider.events.add(event("e2", 2));
            provider.events.add(event("e3", 3));
            provider.events.add(event("e4", 4));
            return job(JobStatus.RUNNING);
        });
        provider.getJobAnswers.add(() -> {
            provider.events.add(event("e5", 5));
            return job(JobStatus.SUCCEEDED);
        });
        WaitOptions options = WaitOptions.builder().listener(new JobListener() {
            @Override
            public void onEvent(JobEvent event) {
                received.add(event.id());
            }
        }).build();

        await(poller(options), job(JobStatus.QUEUED));

        assertThat(received).containsExactly("e1", "e2", "e3", "e4", "e5");
    }

    @Test
    void listenerGetsMetricsAndCheckpointsAsTheyAppear() {
        List<TrainingMetrics> metrics = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        provider.getJobAnswers.add(() -> {
            provider.events.add(new JobEvent("m1", Instant.EPOCH, EventLevel.INFO, "Step 1/2",
                    Optional.of(new TrainingMetrics(1, 2, Map.of("train_loss", 1.5)))));
            provider.checkpoints.add(new Checkpoint("ckpt-1", JobId.of("ftjob-1"), Instant.EPOCH, "ft:x:ckpt-step-1", 1,
                    new TrainingMetrics(1, 2, Map.of())));
            return job(JobStatus.SUCCEEDED);
        });
        WaitOptions options = WaitOptions.builder().listener(new JobListener() {
            @Override
            public void onMetrics(TrainingMetrics m) {
                metrics.add(m);
            }

            @Override
            public void onCheckpoint(Checkpoint c) {
                checkpoints.add(c);
            }
        }).build();

        await(poller(options), job(JobStatus.RUNNING));

        assertThat(metrics).singleElement().satisfies(m -> assertThat(m.trainLoss()).hasValue(1.5));
        assertThat(checkpoints).extracting(Checkpoint::id).containsExactly("ckpt-1");
    }

    @Test
    void onePollsNewsIsToldInTheOrderItHappened() {
        List<String> told = new ArrayList<>();
        provider.getJobAnswers.add(() -> {
            provider.events.add(new JobEvent("started", Instant.EPOCH, EventLevel.INFO, "Fine-tuning job started",
                    Optional.empty()));
            for (int step = 1; step <= 4; step++) {
                provider.events.add(new JobEvent("m" + step, Instant.EPOCH, EventLevel.INFO, "Step " + step + "/4",
                        Optional.of(new TrainingMetrics(step, 4, Map.of("train_loss", 1.0 / step)))));
            }
            provider.events.add(new JobEvent("done", Instant.EPOCH, EventLevel.INFO,
                    "The job has successfully completed", Optional.empty()));
            provider.checkpoints.add(checkpoint(4));
            provider.checkpoints.add(checkpoint(2));
            return job(JobStatus.SUCCEEDED);
        });
        WaitOptions options = WaitOptions.builder().listener(new JobListener() {
            @Override
            public void onEvent(JobEvent event) {
                told.add(event.id());
            }

            @Override
            public void onCheckpoint(Checkpoint c) {
                told.add("checkpoint " + c.stepNumber());
            }

            @Override
            public void onStatusChanged(JobSnapshot previous, JobSnapshot current) {
                told.add(previous.status() + " -> " + current.status());
            }
        }).build();

        await(poller(options), job(JobStatus.QUEUED));

        // one poll saw the job go from queued to succeeded: its steps, its checkpoints after their steps, the end
        assertThat(told).containsExactly("started", "m1", "m2", "checkpoint 2", "m3", "m4", "checkpoint 4", "done",
                "QUEUED -> SUCCEEDED");
    }

    @Test
    void aJobThatStartedTrainingSaysSoBeforeItsFirstStep() {
        List<String> told = new ArrayList<>();
        provider.getJobAnswers.add(() -> {
            provider.events.add(new JobEvent("started", Instant.EPOCH, EventLevel.INFO, "Fine-tuning job started",
                    Optional.empty()));
            provider.events.add(new JobEvent("m1", Instant.EPOCH, EventLevel.INFO, "Step 1/4",
                    Optional.of(new TrainingMetrics(1, 4, Map.of("train_loss", 1.0)))));
            return job(JobStatus.RUNNING);
        });
        answers(job(JobStatus.SUCCEEDED));
        WaitOptions options = WaitOptions.builder().listener(new JobListener() {
            @Override
            public void onEvent(JobEvent event) {
                told.add(event.id());
            }

            @Override
            public void onStatusChanged(JobSnapshot previous, JobSnapshot current) {
                told.add(previous.status() + " -> " + current.status());
            }
        }).build();

        await(poller(options), job(JobStatus.QUEUED));

        assertThat(told).containsExactly("started", "QUEUED -> RUNNING", "m1", "RUNNING -> SUCCEEDED");
    }

    private static Checkpoint checkpoint(long step) {
        return new Checkpoint("ckpt-" + step, JobId.of("ftjob-1"), Instant.EPOCH, "ft:x:ckpt-step-" + step, step,
                new TrainingMetrics(step, 4, Map.of()));
    }

    @Test
    void statusChangeIsReportedWithPreviousAndCurrent() {
        List<String> changes = new ArrayList<>();
        answers(job(JobStatus.RUNNING), job(JobStatus.SUCCEEDED));
        WaitOptions options = WaitOptions.builder().listener(new JobListener() {
            @Override
            public void onStatusChanged(JobSnapshot previous, JobSnapshot current) {
                changes.add(previous.status() + "->" + current.status());
            }
        }).build();

        await(poller(options), job(JobStatus.QUEUED));

        assertThat(changes).containsExactly("QUEUED->RUNNING", "RUNNING->SUCCEEDED");
    }

    @Test
    void throwingListenerDoesNotStopWaiting() {
        answers(job(JobStatus.RUNNING), job(JobStatus.SUCCEEDED));
        WaitOptions options = WaitOptions.builder().listener(new JobListener() {
            @Override
            public void onStatusChanged(JobSnapshot previous, JobSnapshot current) {
                throw new IllegalStateException("listener bug");
            }
        }).build();

        assertThat(await(poller(options), job(JobStatus.QUEUED)).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void retryAfterLongerThanCadenceWins() {
        provider.getJobAnswers.add(() -> {
            throw new RateLimitException(new ApiErrorDetails("scripted", 429, null, null, null, "slow down", null,
                    Duration.ofSeconds(42)));
        });
        answers(job(JobStatus.SUCCEEDED));

        await(poller(), job(JobStatus.RUNNING));

        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(42));
    }

    @Test
    void anExhaustedQuotaEndsTheWaitAtOnceWithoutRetrying() {
        RateLimitException quota = new RateLimitException(new ApiErrorDetails("scripted", 429, "insufficient_quota",
                "insufficient_quota", null, "You exceeded your current quota", null, null));
        provider.getJobAnswers.add(() -> {
            throw quota;
        });
        answers(job(JobStatus.SUCCEEDED));
        List<Integer> failures = new ArrayList<>();
        WaitOptions options = WaitOptions.builder().listener(new JobListener() {
            @Override
            public void onPollFailed(int consecutiveFailures, FineTuneException error, Duration nextPollIn) {
                failures.add(consecutiveFailures);
            }
        }).build();

        assertThatThrownBy(() -> await(poller(options), job(JobStatus.RUNNING))).isSameAs(quota);
        assertThat(failures).isEmpty();
        assertThat(provider.getJobAnswers).hasSize(1);
    }

    @Test
    void pollFailuresAreToleratedAndReported() {
        List<Integer> failures = new ArrayList<>();
        provider.getJobAnswers.add(() -> {
            throw server503();
        });
        provider.getJobAnswers.add(() -> {
            throw server503();
        });
        answers(job(JobStatus.SUCCEEDED));
        WaitOptions options = WaitOptions.builder().listener(new JobListener() {
            @Override
            public void onPollFailed(int consecutiveFailures, FineTuneException error, Duration nextPollIn) {
                failures.add(consecutiveFailures);
            }
        }).build();

        assertThat(await(poller(options), job(JobStatus.RUNNING)).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(failures).containsExactly(1, 2);
    }

    @Test
    void tooManyConsecutivePollFailuresThrowTheLastError() {
        for (int i = 0; i < 3; i++) {
            provider.getJobAnswers.add(() -> {
                throw server503();
            });
        }
        WaitOptions options = WaitOptions.builder().maxConsecutivePollFailures(3).build();

        assertThatThrownBy(() -> await(poller(options), job(JobStatus.RUNNING))).isInstanceOf(ServerException.class);
    }

    @Test
    void notFoundPropagatesAtOnce() {
        provider.getJobAnswers.add(() -> {
            throw new NotFoundException(new ApiErrorDetails("scripted", 404, null, null, null, "no such job", null, null));
        });

        assertThatThrownBy(() -> await(poller(), job(JobStatus.RUNNING))).isInstanceOf(NotFoundException.class);
        assertThat(sleeper.sleeps).isEmpty();
    }

    private static ServerException server503() {
        return new ServerException(new ApiErrorDetails("scripted", 503, null, null, null, "unavailable", null, null));
    }

    private static JobEvent event(String id, int second) {
        return new JobEvent(id, Instant.ofEpochSecond(second), EventLevel.INFO, "event " + id, Optional.empty());
    }
}
