package io.github.finetune4j.bench;

import com.knuddels.jtokkit.api.Encoding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: the same file read in 1 MiB chunks, each line decoded and counted whole with jtokkit's
 * {@code countTokensOrdinary} on a pool of worker threads. No JSON parsing, no checks, no cache.
 */
final class BareCounter {
    private static final int CHUNK = 1 << 20;

    private BareCounter() {
    }

    static long[] count(Path file, Encoding encoding, int threads) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Semaphore inFlight = new Semaphore(threads * 4);
        AtomicLong tokens = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        List<Future<?>> pending = new ArrayList<>();
        long bytes = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] carry = new byte[0];
            while (true) {
                byte[] buf = new byte[carry.length + CHUNK];
                System.arraycopy(carry, 0, buf, 0, carry.length);
                int got = in.readNBytes(buf, carry.length, CHUNK);
                bytes += got;
                int len = carry.length + got;
                boolean eof = got < CHUNK;
                int last = len;
                if (!eof) {
                    last = len - 1;
                    while (last >= 0 && buf[last] != '\n') {
                        last--;
                    }
                    last++;
                }
                carry = java.util.Arrays.copyOfRange(buf, last, len);
                int end = last;
                inFlight.acquire();
                pending.add(pool.submit(() -> {
                    try {
                        long t = 0;
                        long n = 0;
                        int start = 0;
                        for (int i = 0; i <= end; i++) {
                            if (i == end || buf[i] == '\n') {
                                if (i > start) {
                                    t += encoding.countTokensOrdinary(new String(buf, start, i - start,
                                            StandardCharsets.UTF_8));
                                    n++;
                                }
                                start = i + 1;
                            }
                        }
                        tokens.addAndGet(t);
                        lines.addAndGet(n);
                    } finally {
                        inFlight.release();
                    }
                }));
                pending.removeIf(Future::isDone);
                if (eof) {
                    break;
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new long[] {bytes, tokens.get(), lines.get()};
    }
}
