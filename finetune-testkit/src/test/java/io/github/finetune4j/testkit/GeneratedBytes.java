package io.github.finetune4j.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Deterministic pseudo-random content of any size, produced as it is read, so that tests can send hundreds of
 * megabytes without holding them. The same seed, offset and length always give the same bytes.
 */
final class GeneratedBytes {

    private GeneratedBytes() {
    }

    /** A stream of {@code length} bytes of the content of {@code seed}. */
    static InputStream stream(long seed, long length) {
        return new InputStream() {
            private final SplittableRandom random = new SplittableRandom(seed);
            private final byte[] block = new byte[8192];
            private int blockPos = block.length;
            private long left = length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                if (blockPos == block.length) {
                    random.nextBytes(block);
                    blockPos = 0;
                }
                int n = (int) Math.min(Math.min(len, block.length - blockPos), left);
                System.arraycopy(block, blockPos, b, off, n);
                blockPos += n;
                left -= n;
                return n;
            }
        };
    }

    /** The SHA-256 of a stream, read to its end, as lower-case hex. */
    static String sha256(InputStream in) {
        try (DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
