package io.github.finetune4j.core.internal.tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The obviously correct byte-pair encoding the engine is checked against: a list of parts, and in every round a
 * scan for the lowest-ranked adjacent pair (the leftmost among equals), which is merged. Quadratic; for tests only.
 */
final class ReferenceBpe {
    private ReferenceBpe() {
    }

    /** How a pair of parts ranks: the rank, or {@link Integer#MAX_VALUE} when they do not merge. */
    interface Ranks {
        int rank(byte[] left, byte[] right);
    }

    static List<byte[]> encode(byte[] piece, Ranks ranks) {
        List<byte[]> parts = new ArrayList<>();
        for (byte b : piece) {
            parts.add(new byte[] {b});
        }
        while (parts.size() > 1) {
            int best = Integer.MAX_VALUE;
            int at = -1;
            for (int i = 0; i + 1 < parts.size(); i++) {
                int r = ranks.rank(parts.get(i), parts.get(i + 1));
                if (r < best) {
                    best = r;
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            parts.set(at, concat(parts.get(at), parts.remove(at + 1)));
        }
        return parts;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** tiktoken's rule: a pair ranks as its concatenation, read from jtokkit's file into a plain map here. */
    static Ranks tiktoken(String encoding) {
        Map<String, Integer> map = load(encoding);
        ToIntFunction<byte[]> lookup = b -> map.getOrDefault(new String(b, StandardCharsets.ISO_8859_1),
                Integer.MAX_VALUE);
        return (l, r) -> lookup.applyAsInt(concat(l, r));
    }

    static Map<String, Integer> load(String encoding) {
        String resource = "/com/knuddels/jtokkit/" + encoding + ".tiktoken";
        Map<String, Integer> map = new HashMap<>();
        try (InputStream in = com.knuddels.jtokkit.Encodings.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(" ");
                map.put(new String(Base64.getDecoder().decode(f[0]), StandardCharsets.ISO_8859_1),
                        Integer.parseInt(f[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
