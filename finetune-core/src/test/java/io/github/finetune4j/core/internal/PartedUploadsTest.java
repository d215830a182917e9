package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.error.ApiErrorDetails;
import io.github.finetune4j.core.error.ServerException;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FileStatus;
import io.github.finetune4j.core.spi.LargeFileUploads;
import io.github.finetune4j.core.spi.UploadSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartedUploadsTest {
    @TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final PartsProvider provider = new PartsProvider();

    /** What a process that dies in the middle of an upload leaves: nothing is cleaned up. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    private PartedUploads parted(long partBytes) {
        return new PartedUploads(new ClientConfig.LargeFiles(0, partBytes, dir.resolve("state")), "scripted",
                Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    private StagedFile staged(int bytes) throws Exception {
        Path file = dir.resolve("big.jsonl");
        Files.write(file, new byte[bytes]);
        return StagedFile.of(Dataset.fromJsonl(file));
    }

    /** A scripted provider with the Uploads API; records every call. */
    static final class PartsProvider extends ScriptedProvider implements LargeFileUploads {
        final List<String> calls = new ArrayList<>();
        final List<long[]> parts = new ArrayList<>();
        List<String> completedWith;
        int failOnPart = -1;
        int crashOnPart = -1;
        boolean failCancel;
        boolean uploadGone;
        int uploadsCreated;

        @Override
        public UploadSession createUpload(String filename, long bytes, String purpose) {
            calls.add("create " + filename + " " + bytes + " " + purpose);
            uploadsCreated++;
            return new UploadSession("upload_" + uploadsCreated, Optional.of(NOW.plusSeconds(3600)));
        }

        @Override
        public String addUploadPart(String uploadId, Path file, long offset, long length) {
            calls.add("part " + uploadId);
            if (uploadGone) {
                throw new io.github.finetune4j.core.error.NotFoundException(new ApiErrorDetails("scripted", 404,
                        "upload_not_found", null, null, "no such upload", null, null));
            }
            if (parts.size() == crashOnPart) {
                crashOnPart = -1;
                throw new Crash();
            }
            if (parts.size() == failOnPart) {
                throw new ServerException(new ApiErrorDetails("scripted", 500, null, null, null, "scripted 500", null, null));
            }
            parts.add(new long[] {offset, length});
            return "part_" + parts.size();
        }

        @Override
        public FileInfo completeUpload(String uploadId, List<String> partIds) {
            calls.add("complete " + uploadId);
            completedWith = List.copyOf(partIds);
            return new FileInfo(FileId.of("file-big"), "big.jsonl", 0, Instant.EPOCH, "fine-tune",
                    FileStatus.PROCESSED, Optional.empty());
        }

        @Override
        public void cancelUpload(String uploadId) {
            calls.add("cancel " + uploadId);
            if (failCancel) {
                throw new IllegalStateException("cancel failed");
            }
        }
    }

    @Test
    void partsCoverTheFileExactlyAndCompleteInOrder() throws Exception {
        StagedFile file = staged(1000);

        FileInfo info = parted(300).upload(provider, file, "fine-tune");

        assertThat(info.id().value()).isEqualTo("file-big");
        assertThat(provider.parts).extracting(p -> p[0] + "+" + p[1])
                .containsExactly("0+300", "300+300", "600+300", "900+100");
        assertThat(provider.completedWith).containsExactly("part_1", "part_2", "part_3", "part_4");
        assertThat(provider.calls).first().isEqualTo("create " + file.filename() + " 1000 fine-tune");
        assertThat(provider.calls).last().isEqualTo("complete upload_1");
        assertThat(provider.calls).noneMatch(c -> c.startsWith("cancel"));
        assertThat(dir.resolve("state")).isEmptyDirectory();
    }

    @Test
    void aFileOfWholePartsHasNoEmptyLastPart() throws Exception {
        parted(250).upload(provider, staged(500), "fine-tune");

        assertThat(provider.parts).extracting(p -> p[0] + "+" + p[1]).containsExactly("0+250", "250+250");
    }

    @Test
    void aFailedPartCancelsTheUploadForgetsItAndRethrows() throws Exception {
        provider.failOnPart = 1;
        StagedFile file = staged(1000);

        assertThatThrownBy(() -> parted(300).upload(provider, file, "fine-tune"))
                .isInstanceOf(ServerException.class).hasMessageContaining("scripted 500");

        assertThat(provider.calls).containsExactly("create " + file.filename() + " 1000 fine-tune", "part upload_1",
                "part upload_1", "cancel upload_1");
        assertThat(provider.completedWith).isNull();
        assertThat(dir.resolve("state")).isEmptyDirectory();
    }

    @Test
    void aFailedCancelIsSuppressedUnderTheOriginalFailure() throws Exception {
        provider.failOnPart = 0;
        provider.failCancel = true;
        StagedFile file = staged(1000);

        assertThatThrownBy(() -> parted(300).upload(provider, file, "fine-tune"))
                .isInstanceOf(ServerException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessage("cancel failed")));
    }

    @Test
    void aNewProcessResumesAnUnexpiredUploadAndSendsOnlyTheMissingParts() throws Exception {
        provider.crashOnPart = 2;
        StagedFile file = staged(1000);
        assertThatThrownBy(() -> parted(300).upload(provider, file, "fine-tune")).isInstanceOf(Crash.class);
        provider.calls.clear();

        FileInfo info = parted(300).upload(provider, file, "fine-tune");

        assertThat(info.id().value()).isEqualTo("file-big");
        assertThat(provider.uploadsCreated).isEqualTo(1);
        assertThat(provider.calls).containsExactly("part upload_1", "part upload_1", "complete upload_1");
        assertThat(provider.parts).extracting(p -> p[0] + "+" + p[1])
                .containsExactly("0+300", "300+300", "600+300", "900+100");
        assertThat(provider.completedWith).containsExactly("part_1", "part_2", "part_3", "part_4");
        assertThat(dir.resolve("state")).isEmptyDirectory();
    }

    @Test
    void aSavedUploadTheProviderNoLongerKnowsIsStartedOver() throws Exception {
        provider.crashOnPart = 1;
        StagedFile file = staged(1000);
        assertThatThrownBy(() -> parted(300).upload(provider, file, "fine-tune")).isInstanceOf(Crash.class);
        provider.uploadGone = true;
        provider.calls.clear();
        provider.parts.clear();

        assertThatThrownBy(() -> parted(300).upload(provider, file, "fine-tune"))
                .isInstanceOf(io.github.finetune4j.core.error.NotFoundException.class);
        // the first resumed attempt found the upload gone and started a new one, whose parts failed the same way
        assertThat(provider.calls).containsExactly("part upload_1", "create " + file.filename() + " 1000 fine-tune",
                "part upload_2", "cancel upload_2");
        assertThat(dir.resolve("state")).isEmptyDirectory();
    }

    @Test
    void jobStarterUploadsInPartsAboveTheThresholdOnly() throws Exception {
        Path big = Files.writeString(dir.resolve("t1000.jsonl"), "x".repeat(2_000));
        Path small = Files.writeString(dir.resolve("small.jsonl"), "x".repeat(500));
        JobStarter starter = starter(provider);

        FileInfo parted = starter.upload(Dataset.fromJsonl(big));
        FileInfo whole = starter.upload(Dataset.fromJsonl(small));

        assertThat(parted.id().value()).isEqualTo("file-big");
        assertThat(provider.calls).first().asString().startsWith("create t1000-").endsWith(".jsonl 2000 fine-tune");
        assertThat(provider.parts).extracting(p -> p[0] + "+" + p[1]).containsExactly("0+800", "800+800", "1600+400");
        assertThat(whole.id().value()).isEqualTo("file-1");
        assertThat(provider.uploads).singleElement().satisfies(u -> assertThat(u.path()).isEqualTo(small));
    }

    @Test
    void providersWithoutTheUploadsApiAlwaysUploadWhole() throws Exception {
        ScriptedProvider plain = new ScriptedProvider();
        Path big = Files.writeString(dir.resolve("t1000.jsonl"), "x".repeat(2_000));

        starter(plain).upload(Dataset.fromJsonl(big));

        assertThat(plain.uploads).singleElement().satisfies(u -> assertThat(u.bytes()).isEqualTo(2_000));
    }

    private JobStarter starter(ScriptedProvider scripted) {
        ClientConfig config = new ClientConfig(io.github.finetune4j.core.EnvironmentLookup.empty(),
                io.github.finetune4j.core.RetryPolicy.none(), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), io.github.finetune4j.core.WaitOptions.defaults(),
                Clock.systemUTC(), false, Duration.ZERO, new ClientConfig.LargeFiles(1_000, 800, dir.resolve("state")));
        return new JobStarter(scripted, null, config, null, d -> { }, () -> 0.5);
    }
}
