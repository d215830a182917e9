package io.github.finetune4j.testkit.internal.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PathsTest {

    @Test
    void segmentsAreDecodedOneByOne() {
        assertThat(Paths.segments("/v1/models/ft%3Agpt-4o%3Aorg%3A%3Aabc")).containsExactly("v1", "models",
                "ft:gpt-4o:org::abc");
        assertThat(Paths.segments("/v1/files/a%2Fb+c")).containsExactly("v1", "files", "a/b+c");
    }

    @Test
    void queryKeepsRepeatedAndBracketedKeys() {
        Map<String, List<String>> query = Paths.query("metadata%5Bteam%5D=a+b&limit=2&limit=3&flag");

        assertThat(query.get("metadata[team]")).containsExactly("a b");
        assertThat(query.get("limit")).containsExactly("2", "3");
        assertThat(query.get("flag")).containsExactly("");
    }

    @Test
    void templateMatchesParametersAndLiterals() {
        PathTemplate template = PathTemplate.of("/fine_tuning/jobs/{id}/events");

        assertThat(template.match(List.of("fine_tuning", "jobs", "ftjob-1", "events"))).containsEntry("id", "ftjob-1");
        assertThat(template.match(List.of("fine_tuning", "jobs", "ftjob-1"))).isNull();
        assertThat(template.match(List.of("fine_tuning", "jobs", "ftjob-1", "checkpoints"))).isNull();
    }
}
