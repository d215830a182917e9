package io.github.finetune4j.core.internal.tokenizer;

import com.knuddels.jtokkit.Encodings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A tiktoken encoding's mergeable ranks, read from the {@code .tiktoken} file that jtokkit ships in its jar (the same
 * table jtokkit counts with; nothing is copied into this project). Two parts merge with the rank of their
 * concatenated bytes, if that is a token. Thread-safe.
 */
final class TiktokenRanks implements PairRanker {
    private static final String RESOURCE_DIR = "/com/knuddels/jtokkit/";

    private final ByteTable ranks;
    private final int[] pairs = new int[1 << 16];
    private final int maxLength;

    private TiktokenRanks(ByteTable ranks) {
        this.ranks = ranks;
        this.maxLength = ranks.maxLength();
        Arrays.fill(pairs, NONE);
        byte[] two = new byte[2];
        for (int i = 0; i < pairs.length; i++) {
            two[0] = (byte) (i >>> 8);
            two[1] = (byte) i;
            int r = ranks.get(two, 0, 2);
            if (r >= 0) {
                pairs[i] = r;
            }
        }
    }

    /**
     * Loads the ranks of an encoding from jtokkit's jar.
     *
     * @param name the encoding's name, for example {@code o200k_base}
     * @return the ranks
     * @throws IllegalStateException if jtokkit does not ship the file or a line is malformed
     */
    static TiktokenRanks load(String name) {
        String resource = RESOURCE_DIR + name + ".tiktoken";
        try (InputStream in = Encodings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("jtokkit does not ship " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16);
            ByteTable.Builder table = ByteTable.builder(1 << 18);
            Base64.Decoder base64 = Base64.getDecoder();
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                int space = line.indexOf(' ');
                if (space <= 0) {
                    throw new IllegalStateException(resource + " line " + lineNumber + " has no rank");
                }
                int rank = Integer.parseInt(line, space + 1, line.length(), 10);
                if (rank >= NONE) {
                    throw new IllegalStateException(resource + " line " + lineNumber + ": rank " + rank
                            + " does not fit the merge engine");
                }
                table.put(base64.decode(line.substring(0, space)), rank);
            }
            ByteTable built = table.build();
            if (built.maxLength() > PriorityBpe.MAX_PART_BYTES) {
                throw new IllegalStateException(resource + " has a token of " + built.maxLength() + " bytes");
            }
            return new TiktokenRanks(built);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from jtokkit", e);
        }
    }

    @Override
    public int rank(byte[] text, int start, int mid, int end) {
        int length = end - start;
        if (length == 2) {
            return pairs[(text[start] & 0xFF) << 8 | (text[start + 1] & 0xFF)];
        }
        if (length > maxLength) {
            return NONE;
        }
        int r = ranks.get(text, start, end);
        return r < 0 ? NONE : r;
    }

    /**
     * Whether a byte sequence is one token.
     *
     * @param text the bytes
     * @param from the first byte
     * @param to the end, exclusive
     * @return true if it is a token
     */
    boolean isToken(byte[] text, int from, int to) {
        return to - from == 1 || ranks.get(text, from, to) >= 0;
    }
}
