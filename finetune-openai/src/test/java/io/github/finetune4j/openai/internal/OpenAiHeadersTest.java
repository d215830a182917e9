package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.openai.OpenAiFineTuning;
import io.github.finetune4j.openai.support.TestProviders;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.github.finetune4j.openai.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

class OpenAiHeadersTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    @Test
    void sendsOrganizationAndProjectHeadersWhenSet() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-running.json"));
        OpenAiFineTuning factory = OpenAiFineTuning.builder().apiKey("test-key")
                .baseUrl(server.url("/v1").uri()).organization("org-test").project("proj_test").build();

        try (TestProviders providers = TestProviders.create()) {
            providers.provider(factory).getJob(JobId.of("ftjob-abc123"));
        }

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(request.getHeaders().get("OpenAI-Organization")).isEqualTo("org-test");
        assertThat(request.getHeaders().get("OpenAI-Project")).isEqualTo("proj_test");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123");
    }

    @Test
    void omitsOrganizationAndProjectHeadersWhenUnset() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-running.json"));

        try (TestProviders providers = TestProviders.create()) {
            providers.provider(server).getJob(JobId.of("ftjob-abc123"));
        }

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getHeaders().get("OpenAI-Organization")).isNull();
        assertThat(request.getHeaders().get("OpenAI-Project")).isNull();
    }

    @Test
    void readsKeyBaseUrlOrganizationAndProjectFromEnvironment() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-running.json"));
        Map<String, String> environment = Map.of(
                "OPENAI_API_KEY", "env-key",
                "OPENAI_BASE_URL", server.url("/proxy/v1/").toString(),
                "OPENAI_ORG_ID", "org-env",
                "OPENAI_PROJECT_ID", "proj_env");

        try (TestProviders providers = TestProviders.withEnvironment(environment)) {
            providers.provider(new OpenAiFineTuning()).getJob(JobId.of("ftjob-abc123"));
        }

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/proxy/v1/fine_tuning/jobs/ftjob-abc123");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer env-key");
        assertThat(request.getHeaders().get("OpenAI-Organization")).isEqualTo("org-env");
        assertThat(request.getHeaders().get("OpenAI-Project")).isEqualTo("proj_env");
    }

    @Test
    void explicitSettingsWinOverEnvironment() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-running.json"));
        Map<String, String> environment = Map.of(
                "OPENAI_API_KEY", "env-key",
                "OPENAI_BASE_URL", "https://unused.example.com/v1",
                "OPENAI_ORG_ID", "org-env",
                "OPENAI_PROJECT_ID", "proj_env");
        OpenAiFineTuning factory = OpenAiFineTuning.builder().apiKey("explicit-key")
                .baseUrl(server.url("/v1/").uri()).organization("org-explicit").project("proj_explicit").build();

        try (TestProviders providers = TestProviders.withEnvironment(environment)) {
            providers.provider(factory).getJob(JobId.of("ftjob-abc123"));
        }

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer explicit-key");
        assertThat(request.getHeaders().get("OpenAI-Organization")).isEqualTo("org-explicit");
        assertThat(request.getHeaders().get("OpenAI-Project")).isEqualTo("proj_explicit");
    }
}
