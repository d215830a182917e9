package io.github.finetune4j.core.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AtomicFileTest {
    private static final String SHA256_OF_HELLO = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @TempDir
    Path dir;

    @Test
    void aCommittedFileReplacesTheTargetAndReportsItsDigestAndSize() throws IOException {
        Path target = dir.resolve("nested/folder/out.txt");

        AtomicFile.Written written;
        try (AtomicFile file = AtomicFile.create(target)) {
            file.stream().write("hel".getBytes(StandardCharsets.UTF_8));
            file.stream().write("lo".getBytes(StandardCharsets.UTF_8));
            written = file.commit();
        }

        assertThat(target).hasContent("hello");
        assertThat(written).isEqualTo(new AtomicFile.Written(SHA256_OF_HELLO, 5));
        assertThat(leftovers(target.getParent())).isEmpty();
    }

    @Test
    void untilTheCommitTheTargetKeepsItsOldContent() throws IOException {
        Path target = dir.resolve("state.json");
        Files.writeString(target, "old");

        try (AtomicFile file = AtomicFile.create(target)) {
            file.stream().write(new byte[1 << 20]);
            file.stream().flush();
            assertThat(target).hasContent("old");
            file.commit();
        }

        assertThat(Files.size(target)).isEqualTo(1 << 20);
    }

    @Test
    void closedWithoutACommitNothingChangesAndNoTemporaryFileIsLeft() throws IOException {
        Path target = dir.resolve("report.html");
        Files.writeString(target, "old report");

        try (AtomicFile file = AtomicFile.create(target)) {
            file.stream().write("half a new rep".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(target).hasContent("old report");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void aStreamThatFailsHalfwayLeavesTheTargetAsItWas() throws IOException {
        Path target = dir.resolve("train.jsonl");
        Files.writeString(target, "{\"old\":true}\n");
        InputStream breaksAfterSomeBytes = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (sent >= 10_000) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(len, 10_000 - sent);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                sent += n;
                return n;
            }
        };

        assertThatIOException().isThrownBy(() -> AtomicFile.copy(breaksAfterSomeBytes, target))
                .withMessage("connection reset");

        assertThat(target).hasContent("{\"old\":true}\n");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void aPathWriterThatFailsLeavesTheTargetAsItWas() throws IOException {
        Path target = dir.resolve("download.jsonl");

        assertThatIOException().isThrownBy(() -> AtomicFile.fill(target, temp -> {
            Files.writeString(temp, "part of a downl");
            throw new IOException("dropped");
        }));

        assertThat(target).doesNotExist();
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void aPathWriterFillsTheFileAndTheDigestIsOfWhatItWrote() throws IOException {
        Path target = dir.resolve("download.jsonl");

        AtomicFile.Written written = AtomicFile.fill(target, temp -> Files.writeString(temp, "hello"));

        assertThat(target).hasContent("hello");
        assertThat(written).isEqualTo(new AtomicFile.Written(SHA256_OF_HELLO, 5));
        assertThat(AtomicFile.describe(target)).isEqualTo(written);
    }

    @Test
    void textAndBytesAreWrittenWhole() throws IOException {
        Path text = dir.resolve("a.txt");
        Path bytes = dir.resolve("b.bin");

        assertThat(AtomicFile.writeString(text, "hello").sha256()).isEqualTo(SHA256_OF_HELLO);
        assertThat(AtomicFile.write(bytes, "héllo".getBytes(StandardCharsets.UTF_8)).bytes()).isEqualTo(6);
        assertThat(AtomicFile.copy(new ByteArrayInputStream(new byte[0]), dir.resolve("empty")).bytes()).isZero();
        assertThat(dir.resolve("empty")).isEmptyFile();
    }

    @Test
    void aFileIsCommittedOnce() throws IOException {
        try (AtomicFile file = AtomicFile.create(dir.resolve("once.txt"))) {
            file.commit();
            assertThatIllegalStateException().isThrownBy(file::commit).withMessageContaining("once.txt");
        }
    }

    private static java.util.List<Path> leftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }
}
