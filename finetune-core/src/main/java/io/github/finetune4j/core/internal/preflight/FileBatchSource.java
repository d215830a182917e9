package io.github.finetune4j.core.internal.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file once, in chunks, and cuts it into lines. A line that has not ended after {@code maxLineBytes} is
 * reported as overlong and skipped up to its newline without being kept in memory, so memory never depends on the
 * file's content.
 */
final class FileBatchSource implements BatchSource {
    static final int CHUNK = 1 << 20;

    private final Path file;
    private final int maxLineBytes;
    private final int chunk;

    FileBatchSource(Path file, int maxLineBytes, int chunk) {
        this.file = file;
        this.maxLineBytes = maxLineBytes;
        this.chunk = chunk;
    }

    @Override
    public long read(Sink sink) throws IOException, InterruptedException {
        long total = 0;
        long nextLine = 1;
        byte[] carry = new byte[0];
        int carryLen = 0;
        boolean skipping = false;
        long skipped = 0;
        LineBuilder lines = new LineBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                byte[] buf = new byte[carryLen + chunk];
                System.arraycopy(carry, 0, buf, 0, carryLen);
                int got = in.readNBytes(buf, carryLen, chunk);
                total += got;
                int len = carryLen + got;
                boolean eof = got < chunk;
                long firstLine = nextLine;
                int lineStart = 0;
                if (skipping) {
                    int nl = indexOf(buf, 0, len);
                    if (nl < 0) {
                        skipped += len;
                        if (eof) {
                            lines.add(-1, (int) Math.min(Integer.MAX_VALUE, skipped));
                            sink.accept(lines.build(new byte[0], firstLine));
                            return total;
                        }
                        carryLen = 0;
                        continue;
                    }
                    lines.add(-1, (int) Math.min(Integer.MAX_VALUE, skipped + nl));
                    nextLine++;
                    skipping = false;
                    lineStart = nl + 1;
                }
                for (int p = indexOf(buf, lineStart, len); p >= 0; p = indexOf(buf, lineStart, len)) {
                    addLine(lines, lineStart, p);
                    nextLine++;
                    lineStart = p + 1;
                }
                int rest = len - lineStart;
                if (eof) {
                    if (rest > 0) {
                        addLine(lines, lineStart, len);
                    }
                    if (lines.count() > 0) {
                        sink.accept(lines.build(buf, firstLine));
                    }
                    return total;
                }
                if (rest > maxLineBytes) {
                    skipping = true;
                    skipped = rest;
                    carryLen = 0;
                } else {
                    if (carry.length < rest) {
                        carry = new byte[Math.max(rest, chunk)];
                    }
                    System.arraycopy(buf, lineStart, carry, 0, rest);
                    carryLen = rest;
                }
                if (lines.count() > 0) {
                    sink.accept(lines.build(buf, firstLine));
                }
            }
        }
    }

    private void addLine(LineBuilder lines, int start, int end) {
        if (end - start > maxLineBytes) {
            lines.add(-1, end - start);
        } else {
            lines.add(start, end);
        }
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
