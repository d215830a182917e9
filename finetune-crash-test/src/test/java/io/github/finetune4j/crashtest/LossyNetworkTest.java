package io.github.finetune4j.crashtest;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.JobCreationUncertainException;
import io.github.finetune4j.core.error.TransportException;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.openai.OpenAiFineTuning;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full flows ({@code start} + {@code awaitCompletion}) through a {@link LossyProxy} that resets connections before and
 * after requests reach the emulator, cuts responses and holds them past the client's timeout. Whatever the network
 * does, no flow may leave two jobs that train, and a flow that fails must fail with a {@link FineTuneException}
 * that says which request failed and whether the job may exist.
 *
 * <p>{@code lossy.flows} flows (30 by default, 200 in the {@code crash} profile), each against a fresh emulator
 * through a proxy seeded with {@code lossy.seed + flow} (reproducible draws), losing 5, 10, 20 or 30 % of the
 * requests in turn. On failure, the assertion lists each offending flow with its seed.
 */
class LossyNetworkTest {
    private static final int FLOWS = Integer.getInteger("lossy.flows", 30);
    private static final long SEED = Long.getLong("lossy.seed", 20261206L);
    private static final int PARALLEL = 6;
    /** The share of requests that meet a loss, by flow in turn: from a fairly good network to a very bad one. */
    private static final double[] LOSS_RATES = {0.05, 0.10, 0.20, 0.30};
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMillis(1500);
    /** Longer than both timeouts: a held response arrives after the client gave up. */
    private static final Duration HELD = Duration.ofMillis(2500);
    private static final Pattern NAMES_A_REQUEST = Pattern.compile("(GET|POST|DELETE) http://127\\.0\\.0\\.1:\\d+/v1/");

    @TempDir
    Path dir;

    @Test
    void noFlowTrainsTwoJobsAndEveryFailureIsTypedAndSaysWhetherTheJobMayExist() throws Exception {
        Path data = TrainingData.write(dir.resolve("t1000.jsonl"), 0, "lossy");
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<Flow>> futures = new ArrayList<>();
        for (int i = 0; i < FLOWS; i++) {
            int flow = i;
            futures.add(pool.submit(() -> run(flow, data)));
        }
        List<Flow> flows = new ArrayList<>();
        try {
            for (Future<Flow> future : futures) {
                flows.add(future.get(5, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        System.out.println(summary(flows));
        List<String> problems = flows.stream().flatMap(f -> f.problems().stream().map(p -> f.describe() + ": " + p))
                .collect(Collectors.toList());
        assertThat(problems).as(summary(flows)).isEmpty();
        // Both sides of the checks must have been exercised: flows that made it through losses, and failures.
        assertThat(flows).as("flows that succeeded although requests were lost").anyMatch(f -> f.failure().isEmpty()
                && f.untyped().isEmpty() && f.losses().keySet().stream().anyMatch(l -> l != LossyProxy.Loss.NONE));
        assertThat(flows).as("flows that failed (raise the loss rates if the client has become that good)")
                .anyMatch(f -> f.failure().isPresent());
    }

    private Flow run(int index, Path data) {
        long seed = SEED + index;
        String phase = "start";
        AtomicInteger duplicatesCancelled = new AtomicInteger();
        try (FineTuningEmulator emulator = Emulators.start();
             LossyProxy proxy = new LossyProxy(emulator.port(), seed, LOSS_RATES[index % LOSS_RATES.length], HELD)) {
            Optional<String> jobId = Optional.empty();
            FineTuneException failure = null;
            RuntimeException untyped = null;
            try (FineTuneClient client = client(emulator, proxy, index)) {
                FineTuneJob job = client.start(FineTuneRequest.builder().baseModel("gpt-4o-mini-2024-07-18")
                        .trainingData(Dataset.fromJsonl(data)).suffix("lossy").build(), new JobListener() {
                            @Override
                            public void onDuplicateJobCancelled(JobSnapshot cancelled, JobSnapshot kept) {
                                duplicatesCancelled.incrementAndGet();
                            }
                        });
                phase = "await";
                jobId = Optional.of(job.id().value());
                JobSnapshot done = job.awaitCompletion();
                phase = "done";
                jobId = Optional.of(done.id().value());
            } catch (FineTuneException e) {
                failure = e;
            } catch (RuntimeException e) {
                untyped = e;
            }
            return new Flow(index, seed, phase, jobId, Optional.ofNullable(failure), Optional.ofNullable(untyped),
                    Ledger.of(emulator), proxy.counts(), duplicatesCancelled.get());
        }
    }

    private FineTuneClient client(FineTuningEmulator emulator, LossyProxy proxy, int index) {
        return FineTuneClient.builder()
                .provider(OpenAiFineTuning.builder().apiKey(emulator.apiKey())
                        .baseUrl("http://127.0.0.1:" + proxy.port() + "/v1").build())
                .connectTimeout(REQUEST_TIMEOUT)
                .requestTimeout(REQUEST_TIMEOUT)
                .uploadTimeout(UPLOAD_TIMEOUT)
                .fileProcessingTimeout(Duration.ofSeconds(30))
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)))
                .defaultWaitOptions(WaitOptions.builder().timeout(Duration.ofMinutes(1))
                        .fixedInterval(Duration.ofMillis(50)).build())
                .uploadStateDirectory(dir.resolve("state-" + index))
                .build();
    }

    private static String summary(List<Flow> flows) {
        Map<String, Long> outcomes = new TreeMap<>(flows.stream().collect(Collectors.groupingBy(Flow::outcome,
                Collectors.counting())));
        Map<LossyProxy.Loss, Integer> losses = new EnumMap<>(LossyProxy.Loss.class);
        flows.forEach(f -> f.losses().forEach((k, v) -> losses.merge(k, v, Integer::sum)));
        return "lossy network: " + flows.size() + " flows (seed " + SEED + ", " + PARALLEL + " at a time), outcomes "
                + outcomes
                + ", requests by loss " + losses
                + ", duplicate jobs cancelled " + flows.stream().mapToInt(Flow::duplicatesCancelled).sum()
                + ", jobs trained twice " + flows.stream().filter(f -> f.ledger().billable().size() > 1).count()
                + ", flows with orphaned files " + flows.stream().filter(f -> !f.ledger().orphans().isEmpty()).count()
                + flows.stream().filter(f -> f.failure().isPresent() || f.untyped().isPresent())
                        .map(f -> "\n  " + f.describe() + " [" + f.phase() + "] " + f.failure().map(e ->
                                e.getClass().getSimpleName() + ": " + e.getMessage()).orElseGet(() ->
                                f.untyped().get().toString()))
                        .collect(Collectors.joining());
    }

    /**
     * One flow's outcome.
     *
     * @param index the flow's number
     * @param seed the proxy's seed
     * @param phase where it ended: start, await or done
     * @param jobId the job start returned
     * @param failure the typed failure, if it failed
     * @param untyped any other exception (always a problem)
     * @param ledger the emulator's account afterwards
     * @param losses what the proxy did
     * @param duplicatesCancelled duplicates the client reported cancelling
     */
    record Flow(int index, long seed, String phase, Optional<String> jobId, Optional<FineTuneException> failure,
                Optional<RuntimeException> untyped, Ledger ledger, Map<LossyProxy.Loss, Integer> losses,
                int duplicatesCancelled) {

        String describe() {
            return "flow " + index + " (seed " + seed + ")";
        }

        String outcome() {
            return failure.map(e -> "failed in " + phase + ": " + e.getClass().getSimpleName())
                    .or(() -> untyped.map(e -> "untyped " + e.getClass().getSimpleName()))
                    .orElse("succeeded");
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            List<JobSnapshot> billable = ledger.billable();
            if (billable.size() > 1) {
                problems.add("more than one job trains: " + ledger.describe());
            }
            untyped.ifPresent(e -> problems.add("failed with " + e + ", not a FineTuneException"));
            if (failure.isEmpty() && untyped.isEmpty()) {
                if (billable.size() != 1 || !billable.get(0).id().value().equals(jobId.orElse(""))
                        || billable.get(0).status() != JobStatus.SUCCEEDED) {
                    problems.add("succeeded with " + jobId + " but the account holds " + ledger.describe());
                }
            }
            failure.ifPresent(e -> problems.addAll(explains(e)));
            if (!ledger.orphans().isEmpty() && !mayLeaveFiles()) {
                problems.add("files left that no job uses: " + ledger.orphans() + "; " + ledger.describe());
            }
            return problems;
        }

        /**
         * Files may stay only where a job may still use them (an uncertain creation: the rerun finds the job or
         * creates it with these files) or where the client said it could not clean up (a suppressed failure).
         */
        private boolean mayLeaveFiles() {
            return failure.filter(e -> e instanceof JobCreationUncertainException || e.getSuppressed().length > 0)
                    .isPresent();
        }

        /** Whether the failure says what failed and whether the job may exist. */
        private List<String> explains(FineTuneException e) {
            List<String> problems = new ArrayList<>();
            String message = String.valueOf(e.getMessage());
            if (e instanceof JobCreationUncertainException) {
                if (!message.contains("may exist")) {
                    problems.add("uncertain creation that does not say the job may exist: " + message);
                }
            } else if (phase.equals("start") && !ledger.billable().isEmpty()) {
                problems.add("start failed with " + e.getClass().getSimpleName() + " although a job exists, and the "
                        + "failure does not say it may: " + message + "; " + ledger.describe());
            }
            if (!NAMES_A_REQUEST.matcher(message).find() && !(e instanceof JobCreationUncertainException)) {
                problems.add("does not name the request that failed: " + message);
            }
            if (e instanceof TransportException) {
                boolean sent = ((TransportException) e).isRequestPossiblySent();
                String says = sent ? "may have reached the server" : "was not sent";
                if (!message.contains(says)) {
                    problems.add("transport failure that does not say \"" + says + "\": " + message);
                }
            }
            return problems;
        }
    }
}
