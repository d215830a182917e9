package io.github.finetune4j.openai;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FixtureHygieneTest {
    @Test
    void fixturesContainNoKeysOrKeyHeaders() throws IOException, URISyntaxException {
        Path root = Path.of(FixtureHygieneTest.class.getResource("/fixtures/openai").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }

        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String text = Files.readString(file).toLowerCase(Locale.ROOT);
            assertThat(text).as(file.toString()).doesNotContain("sk-").doesNotContain("api-key");
        }
    }
}
