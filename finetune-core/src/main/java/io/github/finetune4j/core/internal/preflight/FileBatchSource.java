package io.github.finetune4j.core.internal.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file once, in chunks, and cuts it into lines. A line that has not ended after {@code maxLineBytes} is
 * reported as overlong and skipped up to its newline without being kept in memory, so memory never depends on the
 * file's content; a line whose buffer the heap cannot provide is skipped the same way and reported as such. Line
 * lengths are counted in 64 bits. A line that spans chunks grows its buffer geometrically, so a long line is copied
 * a few times, not once per chunk.
 */
final class FileBatchSource implements BatchSource {
    static final int CHUNK = 1 << 20;

    /** Opens the bytes to read. */
    interface Opener {
        InputStream open() throws IOException;
    }

    private final Opener opener;
    private final int maxLineBytes;
    private final int chunk;

    FileBatchSource(Path file, int maxLineBytes, int chunk) {
        this(() -> Files.newInputStream(file), maxLineBytes, chunk);
    }

    FileBatchSource(Opener opener, int maxLineBytes, int chunk) {
        this.opener = opener;
        this.maxLineBytes = maxLineBytes;
        this.chunk = chunk;
    }

    @Override
    public long read(Sink sink) throws IOException, InterruptedException {
        long total = 0;
        long nextLine = 1;
        byte[] buf = new byte[chunk];
        int len = 0;
        int skipReason = 0;
        long skipped = 0;
        LineBuilder lines = new LineBuilder();
        try (InputStream in = opener.open()) {
            while (true) {
                int want = buf.length - len;
                int got = in.readNBytes(buf, len, want);
                total += got;
                boolean eof = got < want;
                int scanFrom = len;
                len += got;
                long firstLine = nextLine;
                int lineStart = 0;
                if (skipReason != 0) {
                    int nl = indexOf(buf, 0, len);
                    if (nl < 0) {
                        skipped += len;
                        len = 0;
                        if (eof) {
                            lines.skip(skipReason, skipped);
                            sink.accept(lines.build(new byte[0], firstLine));
                            return total;
                        }
                        continue;
                    }
                    lines.skip(skipReason, skipped + nl);
                    nextLine++;
                    skipReason = 0;
                    lineStart = nl + 1;
                    scanFrom = lineStart;
                }
                for (int p = indexOf(buf, scanFrom, len); p >= 0; p = indexOf(buf, lineStart, len)) {
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
                boolean handedOver = lines.count() > 0;
                if (handedOver) {
                    sink.accept(lines.build(buf, firstLine));
                }
                if (rest > maxLineBytes) {
                    skipReason = Batch.OVERLONG;
                    skipped = rest;
                    buf = handedOver ? new byte[chunk] : buf;
                    len = 0;
                    continue;
                }
                byte[] next = carry(buf, lineStart, rest, handedOver);
                if (next == null) {
                    skipReason = Batch.NO_MEMORY;
                    skipped = rest;
                    buf = new byte[chunk];
                    len = 0;
                    continue;
                }
                buf = next;
                len = rest;
            }
        }
    }

    /**
     * Moves the unfinished line to the front of a buffer with room for at least one more chunk; for a long line the
     * room doubles, up to what the limit can still need.
     *
     * @return the buffer, or null if the heap cannot provide it
     */
    private byte[] carry(byte[] buf, int from, int rest, boolean handedOver) {
        int room = (int) Math.min((long) maxLineBytes + chunk, Math.max((long) rest + chunk, 2L * rest));
        if (!handedOver && room <= buf.length) {
            System.arraycopy(buf, from, buf, 0, rest);
            return buf;
        }
        byte[] next;
        try {
            next = new byte[Math.max(room, chunk)];
        } catch (OutOfMemoryError e) {
            return null;
        }
        System.arraycopy(buf, from, next, 0, rest);
        return next;
    }

    private void addLine(LineBuilder lines, int start, int end) {
        if (end - start > maxLineBytes) {
            lines.skip(Batch.OVERLONG, end - start);
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
