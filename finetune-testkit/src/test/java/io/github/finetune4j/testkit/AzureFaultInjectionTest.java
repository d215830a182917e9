package io.github.finetune4j.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AzureFaultInjectionTest {

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final AzureHttp dated = AzureHttp.dated(emulator);
    private final AzureHttp v1 = AzureHttp.v1(emulator);
    private final AzureHttp arm = AzureHttp.arm(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void rateLimitOnAnAzurePathSendsAllThreeRetryHeadersAndAzuresBody() {
        emulator.faults().inject(Fault.rateLimit(Duration.ofMillis(1500)));

        EmulatorHttp.Reply limited = dated.get("/fine_tuning/jobs");
        EmulatorHttp.Reply next = dated.get("/fine_tuning/jobs");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).contains("2");
        assertThat(limited.headers().firstValue("retry-after-ms")).contains("1500");
        assertThat(limited.headers().firstValue("x-ms-retry-after-ms")).contains("1500");
        assertThat(limited.headers().firstValue("apim-request-id")).isPresent();
        assertThat(limited.error().get("code").asText()).isEqualTo("429");
        assertThat(limited.error().get("message").asText()).contains("Please retry after 2 seconds");
        assertThat(next.status()).isEqualTo(200);
    }

    @Test
    void relativePathPrefixMatchesTheAzureRoutesToo() {
        emulator.faults().inject(Fault.serviceUnavailable().onPath("/fine_tuning/jobs").times(2));

        assertThat(dated.get("/models").status()).isEqualTo(200);
        EmulatorHttp.Reply datedJobs = dated.get("/fine_tuning/jobs");
        EmulatorHttp.Reply v1Jobs = v1.get("/fine_tuning/jobs");

        assertThat(datedJobs.status()).isEqualTo(503);
        assertThat(datedJobs.error().get("code").asText()).isEqualTo("serviceUnavailable");
        assertThat(v1Jobs.status()).isEqualTo(503);
        assertThat(v1Jobs.error().get("type").asText()).isEqualTo("server_error");
        assertThat(emulator.faults().pending()).isZero();
    }

    @Test
    void absolutePathPrefixSelectsOneDeploymentsChat() {
        emulator.faults().inject(Fault.serverError().onPath("/openai/deployments/busy").onMethod("POST"));

        EmulatorHttp.Reply busy = dated.post("/deployments/busy/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}]}");
        EmulatorHttp.Reply other = dated.post("/deployments/other/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}]}");

        assertThat(busy.status()).isEqualTo(500);
        assertThat(busy.error().get("code").asText()).isEqualTo("internalFailure");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.error().get("code").asText()).isEqualTo("DeploymentNotFound");
    }

    @Test
    void faultOnArmAnswersInArmsErrorBody() {
        emulator.faults().inject(Fault.rateLimit(Duration.ofSeconds(3)).onPath("/subscriptions"));

        EmulatorHttp.Reply reply = arm.get(AzureHttp.DEPLOYMENTS);

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.error().get("code").asText()).isEqualTo("TooManyRequests");
        assertThat(reply.headers().firstValue("retry-after")).contains("3");
        assertThat(reply.headers().firstValue("x-ms-request-id")).isPresent();
    }

    @Test
    void dropConnectionOnAnAzureCreateStillCreatesTheJob() {
        String file = dated.uploadDataset("t1000-train.jsonl");
        clock.advance(Duration.ofSeconds(2));
        emulator.faults().inject(Fault.dropConnection().onMethod("POST").onPath("/fine_tuning/jobs"));

        assertThatThrownBy(() -> dated.post("/fine_tuning/jobs", AzureHttp.jobBody(file)))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(dated.get("/fine_tuning/jobs").json().get("data")).hasSize(1);
    }
}
