package io.github.finetune4j.azure;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FixtureHygieneTest {
    @Test
    void fixturesHoldNoKeysOrKeyHeaders() throws IOException, URISyntaxException {
        Path root = Path.of(FixtureHygieneTest.class.getResource("/fixtures/azure").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }

        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            assertThat(text).as(root.relativize(file).toString()).doesNotContain("sk-").doesNotContain("api-key");
        }
    }
}
