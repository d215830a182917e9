package io.github.finetune4j.examples.docs;

import io.github.finetune4j.examples.T1000Data;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The guides promise snippets that compile, imports included: every {@code ```java} block of the README, of
 * {@code docs/} and of the modules' READMEs is compiled here against the project. The README's story and its
 * "Your first project" test also run, exactly as printed.
 */
class DocumentationSnippetsTest {
    private static final Path ROOT = Guides.ROOT;

    @TempDir
    Path work;

    @Test
    void everyJavaSnippetOfTheGuidesCompiles() {
        List<MarkdownSnippet> snippets = guides().flatMap(guide -> MarkdownSnippet.read(guide).stream())
                .filter(snippet -> !snippet.isModuleDeclaration() && !snippet.needsExternalLibrary()).toList();

        assertThat(snippets).as("snippets found").hasSizeGreaterThanOrEqualTo(15);
        assertThat(SnippetCompiler.compile(snippets, work)).as("compile errors in the guides").isEmpty();
    }

    @Test
    void aSnippetThatDoesNotCompileIsReportedAtItsLineInTheGuide() throws IOException {
        Path guide = Files.writeString(work.resolve("guide.md"), String.join("\n", "# A guide", "", "```java",
                "import io.github.finetune4j.core.Dataset;", "", "Dataset data = Dataset.nothingLikeThis();", "```",
                "", "```java", "import io.github.finetune4j.core.Dataset;", "", "// Given: Dataset data",
                "System.out.println(data.size());", "```", ""));

        List<String> errors = SnippetCompiler.compile(MarkdownSnippet.read(guide), work.resolve("out"));

        assertThat(errors).singleElement().asString().startsWith(guide + ":6: ").contains("nothingLikeThis");
    }

    @Test
    void theReadmeStoryRunsAsPrintedAndShowsThePreflightAndTheProgress() throws Exception {
        MarkdownSnippet story = labelled("story");
        assertThat(SnippetCompiler.compile(List.of(story), work)).isEmpty();
        Files.copy(ROOT.resolve("docs/t1000.jsonl"), work.resolve("t1000.jsonl"));

        try (FineTuningEmulator emulator = FineTuningEmulator.builder().start()) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", work.resolve("classes") + java.io.File.pathSeparator
                    + System.getProperty("java.class.path"), SnippetCompiler.packageOf(0, story) + "."
                    + story.typeName()).directory(work.toFile()).redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("OPENAI_") || name.startsWith("AZURE_")
                    || name.startsWith("FINETUNE_"));
            environment.put("OPENAI_API_KEY", emulator.apiKey());
            environment.put("OPENAI_BASE_URL", emulator.baseUrl());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("Pre-flight check of t1000.jsonl").contains("estimated cost USD")
                    .contains("uploaded t1000").contains("created on openai").contains("Step 36/36")
                    .contains("-> succeeded").contains("spezielle Reinigungsmittel");
        }
    }

    @Test
    void theFirstProjectTestOfTheReadmePasses() throws Exception {
        MarkdownSnippet test = labelled("first-project-test");
        assertThat(SnippetCompiler.compile(List.of(test), work)).isEmpty();

        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {work.resolve("classes").toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> testClass = loader.loadClass(SnippetCompiler.packageOf(0, test) + "." + test.typeName());
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(testClass)).build();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, summary);
        }

        TestExecutionSummary result = summary.getSummary();
        StringWriter failures = new StringWriter();
        result.printFailuresTo(new PrintWriter(failures), 20);
        assertThat(result.getTestsSucceededCount()).as(failures.toString()).isPositive();
        assertThat(result.getTotalFailureCount()).as(failures.toString()).isZero();
    }

    @Test
    void theT1000DataFileOfTheDocsIsTheExamplesData() throws IOException {
        Path written = work.resolve("t1000.jsonl");
        T1000Data.dataset().writeJsonl(written);

        assertThat(ROOT.resolve("docs/t1000.jsonl")).hasSameTextualContentAs(written);
    }

    private static MarkdownSnippet labelled(String label) {
        return MarkdownSnippet.read(ROOT.resolve("README.md")).stream().filter(s -> s.label().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("README.md has no snippet labelled " + label));
    }

    private static Stream<Path> guides() {
        return Guides.all().stream();
    }
}
