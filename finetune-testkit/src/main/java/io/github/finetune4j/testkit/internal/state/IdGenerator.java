package io.github.finetune4j.testkit.internal.state;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Generates ids that look like the service's ({@code file-…}, {@code ftjob-…}, {@code ftevent-…}). With a seed
 * they are deterministic: the same seed and the same order of requests give the same ids. Without one they get a
 * random component, so that fresh emulators do not hand out the same ids (a client that saved a job id from an
 * earlier run must not find a different job under it). Job seeds always come from the seed (0 when none is
 * given), so learning curves stay reproducible. Thread-safe.
 */
public final class IdGenerator {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";

    private final SplittableRandom random;
    private final SplittableRandom seeds;

    /**
     * Creates a generator.
     *
     * @param seed the seed, or null for ids with a random component
     */
    public IdGenerator(Long seed) {
        this.random = new SplittableRandom(seed != null ? seed : new SecureRandom().nextLong());
        this.seeds = new SplittableRandom(seed != null ? seed : 0L);
    }

    /**
     * Returns the next id.
     *
     * @param prefix the prefix, e.g. {@code file-}
     * @param length the number of random characters after the prefix
     * @return the id
     */
    public synchronized String next(String prefix, int length) {
        return prefix + chars(random, length);
    }

    /**
     * Returns the next id with lower-case hexadecimal characters, as Azure's ids look ({@code file-<32 hex>}).
     *
     * @param prefix the prefix, e.g. {@code ftjob-}
     * @param length the number of hexadecimal characters after the prefix
     * @return the id
     */
    public synchronized String nextHex(String prefix, int length) {
        return prefix + chars(random, length, HEX);
    }

    /**
     * Returns the next random UUID-shaped id ({@code 8-4-4-4-12} lower-case hexadecimal characters), as Together's
     * ids look.
     *
     * @return the id, without prefix
     */
    public synchronized String nextUuid() {
        String hex = chars(random, 32, HEX);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /**
     * Returns the next value for a seed.
     *
     * @return a non-negative int
     */
    public synchronized int nextSeed() {
        return seeds.nextInt(Integer.MAX_VALUE);
    }

    /**
     * Returns an id derived from a key: the same key always gives the same id.
     *
     * @param prefix the prefix
     * @param key the key, e.g. {@code ftjob-abc:event:3}
     * @param length the number of characters after the prefix
     * @return the id
     */
    public static String derived(String prefix, String key, int length) {
        return prefix + chars(new SplittableRandom(hash(key)), length, ALPHABET);
    }

    /**
     * Returns a hexadecimal id derived from a key: the same key always gives the same id.
     *
     * @param prefix the prefix
     * @param key the key
     * @param length the number of hexadecimal characters after the prefix
     * @return the id
     */
    public static String derivedHex(String prefix, String key, int length) {
        return prefix + chars(new SplittableRandom(hash(key)), length, HEX);
    }

    private static long hash(String key) {
        long hash = 1125899906842597L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + b;
        }
        return hash;
    }

    private static String chars(SplittableRandom random, int length) {
        return chars(random, length, ALPHABET);
    }

    private static String chars(SplittableRandom random, int length, String alphabet) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
