package io.github.finetune4j.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one fixture hygiene check of every provider module: recorded responses hold no keys, key headers, bearer
 * tokens, JSON Web Tokens, AWS keys, private keys or organisation and project ids of a real account.
 */
public final class FixtureHygiene {
    private static final Pattern SECRET = Pattern.compile(
            "sk-[A-Za-z0-9_-]{6,}"                       // OpenAI keys
            + "|(?i)\"?api-key\"?\\s*[:=]"               // Azure key headers
            + "|(?i)bearer\\s+[A-Za-z0-9._~+/=-]{8,}"   // bearer tokens
            + "|eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"  // JSON Web Tokens
            + "|AKIA[0-9A-Z]{16}"                       // AWS access key ids
            + "|-----BEGIN [A-Z ]*PRIVATE KEY-----"
            + "|org-[A-Za-z0-9]{20,}|proj_[A-Za-z0-9]{20,}");

    private FixtureHygiene() {
    }

    /**
     * Fails if a fixture below {@code fixtures/<provider>} on the test class path holds a secret.
     *
     * @param provider the provider's fixture folder
     * @param minimumFiles how many fixtures there must at least be (so that a moved folder is noticed)
     */
    public static void assertClean(String provider, int minimumFiles) {
        URL url = FixtureHygiene.class.getResource("/fixtures/" + provider);
        assertThat(url).as("fixtures/" + provider + " on the test class path").isNotNull();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(url.toURI()))) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(minimumFiles);
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(SECRET.matcher(text).find()).as("secret-shaped text in " + file.getFileName()).isFalse();
        }
    }
}
