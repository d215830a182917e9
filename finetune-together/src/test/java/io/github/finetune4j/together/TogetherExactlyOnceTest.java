package io.github.finetune4j.together;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.preflight.ProviderEstimate;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.Fault;
import io.github.finetune4j.testsupport.FastClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.github.finetune4j.together.TogetherTestClients.LLAMA;
import static io.github.finetune4j.together.TogetherTestClients.t1000;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Exactly-once creation on Together, which stores no metadata: after an ambiguous create the core finds the job by
 * its files and suffix instead of paying for a second one. Each fault is injected on {@code POST /fine-tunes} when
 * the start reports Together's estimate, so it hits the create request itself.
 */
class TogetherExactlyOnceTest {
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(500))
            .start();
    private final FineTuneClient client = TogetherAiFineTuning.builder().apiKey(emulator.apiKey())
            .baseUrl(emulator.togetherBaseUrl()).buildClient(FineTuneClient.builder()
                    .requestTimeout(Duration.ofMillis(400)).clock(new FastClock(20))
                    .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)))
                    .defaultWaitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(10))
                            .timeout(Duration.ofHours(1)).build()));
    private final List<JobSnapshot> created = new ArrayList<>();
    private final List<JobSnapshot> duplicates = new ArrayList<>();

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private JobListener injecting(Fault fault) {
        return new JobListener() {
            @Override
            public void onProviderEstimate(ProviderEstimate estimate) {
                emulator.faults().inject(fault.onPath("/fine-tunes").onMethod("POST"));
            }

            @Override
            public void onJobCreated(JobSnapshot job) {
                created.add(job);
            }

            @Override
            public void onDuplicateJobCancelled(JobSnapshot cancelled, JobSnapshot kept) {
                duplicates.add(cancelled);
            }
        };
    }

    private FineTuneJob start(Fault fault) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> client.start(FineTuneRequest.builder()
                .baseModel(LLAMA).trainingData(t1000()).suffix("t1000").build(), injecting(fault)));
    }

    @Test
    void aCreateThatLandsAfterTheClientTimedOutIsFoundInsteadOfRepeated() {
        FineTuneJob job = start(Fault.lateResponse(Duration.ofSeconds(2)).times(1));

        assertThat(emulator.together().jobIds()).containsExactly(job.id().value());
        assertThat(created).singleElement().satisfies(j -> assertThat(j.id()).isEqualTo(job.id()));
        assertThat(duplicates).isEmpty();
        assertThat(emulator.recordedRequests().stream().filter(r -> r.method().equals("POST")
                && r.path().endsWith("/fine-tunes")).count()).as("the create was sent once").isEqualTo(1);
    }

    @Test
    void aCreateAnsweredWith503IsCheckedAndSentAgainOnce() {
        FineTuneJob job = start(Fault.serviceUnavailable().times(1));

        assertThat(emulator.together().jobIds()).containsExactly(job.id().value());
        assertThat(emulator.recordedRequests().stream().filter(r -> r.method().equals("POST")
                && r.path().endsWith("/fine-tunes")).count()).isEqualTo(2);
        assertThat(duplicates).isEmpty();
    }

    @Test
    void aRateLimitedCreateIsRetriedAndMakesOneJob() {
        FineTuneJob job = start(Fault.rateLimit(Duration.ofMillis(10)).times(2));

        JobSnapshot done = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> job.awaitCompletion());

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(emulator.together().jobIds()).hasSize(1);
    }

    @Test
    void runningTheSameStartAgainReusesTheJobOfTheFirstRun() {
        FineTuneJob first = start(Fault.rateLimit(Duration.ofMillis(1)).times(1));

        FineTuneJob again = start(Fault.rateLimit(Duration.ofMillis(1)).times(1));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(emulator.together().jobIds()).hasSize(1);
        assertThat(emulator.together().fileIds()).as("the file is found again, not uploaded twice").hasSize(1);
    }
}
