package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.PageRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OpenAiEndpointsTest {
    private final OpenAiEndpoints endpoints = new OpenAiEndpoints(URI.create("https://api.openai.com/v1"));

    @Test
    void modelPathKeepsColonsAndEncodesOnlyUnsafeCharacters() {
        assertThat(endpoints.model("ft:gpt-4o-mini:acemeco:suffix:abc123").toString())
                .isEqualTo("https://api.openai.com/v1/models/ft:gpt-4o-mini:acemeco:suffix:abc123");
        assertThat(endpoints.model("a b/c%d").getRawPath()).isEqualTo("/v1/models/a%20b%2Fc%25d");
    }

    @Test
    void pathSegmentsAreEncodedExactlyOnce() {
        assertThat(endpoints.file(FileId.of("file-%41")).getRawPath()).isEqualTo("/v1/files/file-%2541");
        assertThat(endpoints.jobAction(JobId.of("ftjob-1"), "pause").getRawPath())
                .isEqualTo("/v1/fine_tuning/jobs/ftjob-1/pause");
    }

    @Test
    void dotSegmentsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> endpoints.job(JobId.of("..")));
    }

    @Test
    void metadataFilterUsesBracketSyntaxSortedByKey() {
        URI uri = endpoints.jobs(PageRequest.first().withMetadata("b", "2").withMetadata("a", "ä"));

        assertThat(uri.getRawQuery()).isEqualTo("metadata%5Ba%5D=%C3%A4&metadata%5Bb%5D=2");
    }

    @Test
    void emptyPageRequestAddsNoQuery() {
        assertThat(endpoints.checkpoints(JobId.of("ftjob-1"), PageRequest.first()).getRawQuery()).isNull();
    }
}
