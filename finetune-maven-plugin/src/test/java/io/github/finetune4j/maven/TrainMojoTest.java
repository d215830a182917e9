package io.github.finetune4j.maven;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** finetune:train run twice (a second build after the first) follows one job, as a user's CI would. */
class TrainMojoTest {
    @TempDir
    Path project;

    @Test
    void aSecondBuildReattachesToTheJobOfTheFirstAndWritesTheSameModel() throws Exception {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(2000)).start()) {
            Lines first = new Lines();
            Lines second = new Lines();

            mojo(emulator, first).execute();
            String model = Files.readString(project.resolve("target/fine-tuned-model.txt")).strip();
            mojo(emulator, second).execute();

            assertThat(model).startsWith("ft:gpt-4o-mini-2024-07-18:emulator:t1000:");
            assertThat(first.info).anySatisfy(l -> assertThat(l).contains("created on openai"))
                    .anySatisfy(l -> assertThat(l).startsWith("  Step 36/36: training loss="))
                    .contains("Fine-tuned model: " + model + " (written to "
                            + project.resolve("target/fine-tuned-model.txt") + ")");
            assertThat(second.info).anySatisfy(l -> assertThat(l).startsWith("Re-attaching to job "))
                    .noneSatisfy(l -> assertThat(l).contains("uploaded"));
            assertThat(Files.readString(project.resolve("target/fine-tuned-model.txt")).strip()).isEqualTo(model);
            assertThat(emulator.recordedRequests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().endsWith("/fine_tuning/jobs"))).hasSize(1);
        }
    }

    @Test
    void aFailedJobFailsTheBuildWithTheReason() throws Exception {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(2000)).start()) {
            emulator.faults().failNextJob(3, "server_error", "The job failed due to an internal error.");

            assertThatThrownBy(() -> mojo(emulator, new Lines()).execute())
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageMatching("finetune: job ftjob-\\w+ failed: server_error: The job failed due to an "
                            + "internal error\\.");
        }
    }

    private TrainMojo mojo(FineTuningEmulator emulator, Lines log) throws Exception {
        Path data = project.resolve("train.jsonl");
        if (!Files.exists(data)) {
            try (InputStream in = TrainMojo.class.getResourceAsStream("/io/github/finetune4j/cli/init/train.jsonl")) {
                Files.write(data, in.readAllBytes());
            }
        }
        TrainMojo m = new TrainMojo();
        m.setLog(log);
        m.trainingFile = data.toFile();
        m.baseModel = "gpt-4o-mini-2024-07-18";
        m.method = "supervised";
        m.pii = "warn";
        m.epochs = "3";
        m.batchSize = "auto";
        m.learningRateMultiplier = "auto";
        m.suffix = "t1000";
        m.provider = "openai";
        m.stateFile = project.resolve("finetune.state.json").toFile();
        m.modelFile = project.resolve("target/fine-tuned-model.txt").toFile();
        m.wait = true;
        m.timeout = "1m";
        m.pollInterval = "20ms";
        m.environment = EnvironmentLookup.of(Map.of("OPENAI_API_KEY", emulator.apiKey(),
                "OPENAI_BASE_URL", emulator.baseUrl()));
        return m;
    }

    /** The build log, line by line. */
    private static final class Lines implements Log {
        final List<String> info = new ArrayList<>();
        final List<String> other = new ArrayList<>();

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void debug(CharSequence content) {
        }

        @Override
        public void debug(CharSequence content, Throwable error) {
        }

        @Override
        public void debug(Throwable error) {
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public void info(CharSequence content) {
            info.add(content.toString());
        }

        @Override
        public void info(CharSequence content, Throwable error) {
            info.add(content.toString());
        }

        @Override
        public void info(Throwable error) {
            info.add(String.valueOf(error));
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public void warn(CharSequence content) {
            other.add(content.toString());
        }

        @Override
        public void warn(CharSequence content, Throwable error) {
            other.add(content.toString());
        }

        @Override
        public void warn(Throwable error) {
            other.add(String.valueOf(error));
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public void error(CharSequence content) {
            other.add(content.toString());
        }

        @Override
        public void error(CharSequence content, Throwable error) {
            other.add(content.toString());
        }

        @Override
        public void error(Throwable error) {
            other.add(String.valueOf(error));
        }
    }
}
