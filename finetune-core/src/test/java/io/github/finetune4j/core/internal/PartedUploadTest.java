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

class PartedUploadTest {
    @TempDir
    Path dir;

    private final PartsProvider provider = new PartsProvider();

    /** A scripted provider with the Uploads API; records every call. */
    static final class PartsProvider extends ScriptedProvider implements LargeFileUploads {
        final List<String> calls = new ArrayList<>();
        final List<long[]> parts = new ArrayList<>();
        List<String> completedWith;
        int failOnPart = -1;
        boolean failCancel;

        @Override
        public UploadSession createUpload(String filename, long bytes, String purpose) {
            calls.add("create " + filename + " " + bytes + " " + purpose);
            return new UploadSession("upload_1", Optional.of(Instant.EPOCH.plusSeconds(3600)));
        }

        @Override
        public String addUploadPart(String uploadId, Path file, long offset, long length) {
            calls.add("part " + uploadId);
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

    private Path file(int bytes) throws Exception {
        Path file = dir.resolve("big.jsonl");
        Files.write(file, new byte[bytes]);
        return file;
    }

    @Test
    void partsCoverTheFileExactlyAndCompleteInOrder() throws Exception {
        FileInfo info = new PartedUpload(provider, 300).upload(file(1000), "big.jsonl", 1000, "fine-tune");

        assertThat(info.id().value()).isEqualTo("file-big");
        assertThat(provider.parts).extracting(p -> p[0] + "+" + p[1])
                .containsExactly("0+300", "300+300", "600+300", "900+100");
        assertThat(provider.completedWith).containsExactly("part_1", "part_2", "part_3", "part_4");
        assertThat(provider.calls).first().isEqualTo("create big.jsonl 1000 fine-tune");
        assertThat(provider.calls).last().isEqualTo("complete upload_1");
        assertThat(provider.calls).noneMatch(c -> c.startsWith("cancel"));
    }

    @Test
    void aFileOfWholePartsHasNoEmptyLastPart() throws Exception {
        new PartedUpload(provider, 250).upload(file(500), "big.jsonl", 500, "fine-tune");

        assertThat(provider.parts).extracting(p -> p[0] + "+" + p[1]).containsExactly("0+250", "250+250");
    }

    @Test
    void aFailedPartCancelsTheUploadAndRethrows() throws Exception {
        provider.failOnPart = 1;

        assertThatThrownBy(() -> new PartedUpload(provider, 300).upload(file(1000), "big.jsonl", 1000, "fine-tune"))
                .isInstanceOf(ServerException.class).hasMessageContaining("scripted 500");

        assertThat(provider.calls).containsExactly("create big.jsonl 1000 fine-tune", "part upload_1",
                "part upload_1", "cancel upload_1");
        assertThat(provider.completedWith).isNull();
    }

    @Test
    void aFailedCancelIsSuppressedUnderTheOriginalFailure() throws Exception {
        provider.failOnPart = 0;
        provider.failCancel = true;

        assertThatThrownBy(() -> new PartedUpload(provider, 300).upload(file(1000), "big.jsonl", 1000, "fine-tune"))
                .isInstanceOf(ServerException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessage("cancel failed")));
    }

    @Test
    void jobStarterUploadsInPartsAboveTheThresholdOnly() throws Exception {
        Path big = Files.writeString(dir.resolve("t1000.jsonl"), "x".repeat(2_000));
        Path small = Files.writeString(dir.resolve("small.jsonl"), "x".repeat(500));
        JobStarter starter = new JobStarter(provider, null, Duration.ofSeconds(1), () -> "key-1", null,
                Clock.systemUTC(), 1_000, 800);

        FileInfo parted = starter.upload(Dataset.fromJsonl(big));
        FileInfo whole = starter.upload(Dataset.fromJsonl(small));

        assertThat(parted.id().value()).isEqualTo("file-big");
        assertThat(provider.calls).first().isEqualTo("create t1000.jsonl 2000 fine-tune");
        assertThat(provider.parts).extracting(p -> p[0] + "+" + p[1]).containsExactly("0+800", "800+800", "1600+400");
        assertThat(whole.id().value()).isEqualTo("file-1");
        assertThat(provider.uploads).singleElement().satisfies(u -> assertThat(u.path()).isEqualTo(small));
    }

    @Test
    void providersWithoutTheUploadsApiAlwaysUploadWhole() throws Exception {
        ScriptedProvider plain = new ScriptedProvider();
        Path big = Files.writeString(dir.resolve("t1000.jsonl"), "x".repeat(2_000));
        JobStarter starter = new JobStarter(plain, null, Duration.ofSeconds(1), () -> "key-1", null,
                Clock.systemUTC(), 1_000, 800);

        starter.upload(Dataset.fromJsonl(big));

        assertThat(plain.uploads).singleElement().satisfies(u -> assertThat(u.bytes()).isEqualTo(2_000));
    }
}
