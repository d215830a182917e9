package io.github.finetune4j.core.internal.preflight;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** A fast 64-bit hash of a byte range (MurmurHash3-style mixing), used to find duplicate lines. */
final class LineHash {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private LineHash() {
    }

    /**
     * Hashes {@code b[from, to)}.
     *
     * @param b the bytes
     * @param from first index
     * @param to end index, exclusive
     * @return the hash, never 0
     */
    static long hash(byte[] b, int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long k = (long) LONGS.get(b, i);
            k *= C1;
            k = Long.rotateLeft(k, 31);
            k *= C2;
            h ^= k;
            h = Long.rotateLeft(h, 27) * 5 + 0x52dce729;
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (b[i] & 0xFFL) << shift;
        }
        h ^= Long.rotateLeft(tail * C1, 31) * C2;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
