package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.preflight.Distribution;

import java.util.Map;
import java.util.TreeMap;

/**
 * Exact distribution of non-negative integers in memory bounded by the number of distinct values, not by the number
 * of values: counts per value, dense up to {@value #DENSE_LIMIT}, sparse above.
 */
final class Histogram {
    static final int DENSE_LIMIT = 1 << 17;

    private long[] dense = new long[256];
    private final TreeMap<Long, Long> sparse = new TreeMap<>();
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    void add(long value) {
        if (value < 0) {
            value = 0;
        }
        if (value < DENSE_LIMIT) {
            int v = (int) value;
            if (v >= dense.length) {
                int size = dense.length;
                while (size <= v) {
                    size *= 2;
                }
                long[] grown = new long[size];
                System.arraycopy(dense, 0, grown, 0, dense.length);
                dense = grown;
            }
            dense[v]++;
        } else {
            sparse.merge(value, 1L, Long::sum);
        }
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    long count() {
        return count;
    }

    /**
     * The {@code k}-th smallest value, 0-based.
     */
    long valueAt(long k) {
        long seen = 0;
        for (int v = 0; v < dense.length; v++) {
            seen += dense[v];
            if (seen > k) {
                return v;
            }
        }
        for (Map.Entry<Long, Long> e : sparse.entrySet()) {
            seen += e.getValue();
            if (seen > k) {
                return e.getKey();
            }
        }
        return max;
    }

    /**
     * The {@code q} quantile with linear interpolation between order statistics (numpy's default method).
     */
    double quantile(double q) {
        if (count == 0) {
            return 0;
        }
        double h = (count - 1) * q;
        long lo = (long) Math.floor(h);
        long low = valueAt(lo);
        if (h == lo) {
            return low;
        }
        long high = valueAt(lo + 1);
        return low + (h - lo) * (high - low);
    }

    Distribution toDistribution() {
        if (count == 0) {
            return Distribution.empty();
        }
        return Distribution.builder().count(count).sum(sum).min(min).max(max).mean((double) sum / count)
                .median(quantile(0.5)).p10(quantile(0.1)).p90(quantile(0.9)).build();
    }
}
