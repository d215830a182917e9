package io.github.finetune4j.testkit.internal.http;

import io.github.finetune4j.testkit.internal.blob.Blob;
import io.github.finetune4j.testkit.internal.blob.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The body of one request, read on demand: JSON handlers take {@link #bytes()}, upload handlers stream it with
 * {@link #stream()} into blobs, and faults that answer without processing {@link #discard()} it. It can be read
 * once; {@link #spool(BlobStore)} keeps it (in memory or on disk) for a request that is processed later. Not
 * thread-safe: one request is handled by one thread.
 */
public final class RequestBody {

    /** The largest body {@link #bytes()} accepts: 64 MiB, the largest Uploads API part. */
    public static final long MAX_IN_MEMORY = Blob.MAX_IN_MEMORY;

    private final InputStream raw;
    private final long contentLength;
    private Blob spooled;
    private byte[] bytes;
    private boolean consumed;

    private RequestBody(InputStream raw, long contentLength, Blob spooled) {
        this.raw = raw;
        this.contentLength = contentLength;
        this.spooled = spooled;
    }

    /**
     * A body to be read from a stream.
     *
     * @param in the stream
     * @param contentLength the announced length, or -1 when unknown (chunked)
     * @return the body
     */
    public static RequestBody of(InputStream in, long contentLength) {
        return new RequestBody(Objects.requireNonNull(in, "in"), contentLength, null);
    }

    /**
     * A body already in memory.
     *
     * @param bytes the bytes
     * @return the body
     */
    public static RequestBody of(byte[] bytes) {
        return new RequestBody(null, bytes.length, Blob.of(bytes));
    }

    /**
     * Returns the length announced in {@code Content-Length}.
     *
     * @return the length, or -1 when unknown
     */
    public long contentLength() {
        return contentLength;
    }

    /**
     * Reads the whole body into memory; later calls return the same bytes.
     *
     * @return the bytes, possibly empty
     * @throws ApiError 413 when the body is larger than {@link #MAX_IN_MEMORY}
     * @throws UncheckedIOException when the client went away
     */
    public byte[] bytes() {
        if (bytes == null) {
            if (spooled != null) {
                bytes = spooled.bytes();
            } else {
                if (contentLength > MAX_IN_MEMORY) {
                    throw new ApiError(413, "invalid_request_error", "The request body of " + contentLength
                            + " bytes is too large.", null, "request_too_large", java.util.Map.of());
                }
                bytes = readRaw(InputStream::readAllBytes);
            }
        }
        return bytes;
    }

    /**
     * Returns the body as a stream, once, for handlers that stream it into blobs.
     *
     * @return the stream; the caller need not close it
     * @throws IllegalStateException if the raw body was already read
     */
    public InputStream stream() {
        if (bytes != null) {
            return new java.io.ByteArrayInputStream(bytes);
        }
        if (spooled != null) {
            return spooled.open();
        }
        if (consumed) {
            throw new IllegalStateException("the request body was already read");
        }
        consumed = true;
        return raw;
    }

    /**
     * Reads the whole body now and keeps it, so that the request can be processed after the client has gone.
     *
     * @param store where a large body goes
     * @throws UncheckedIOException when the client went away before sending it all
     */
    public void spool(BlobStore store) {
        if (spooled == null && bytes == null) {
            spooled = readRaw(store::copy);
        }
    }

    /**
     * Reads up to {@code count} bytes of the body and drops them, as a server that is cut off mid-request.
     *
     * @param count how many bytes at most
     */
    public void readAndDrop(long count) {
        if (spooled != null || bytes != null || consumed) {
            return;
        }
        consumed = true;
        try {
            raw.skipNBytes(Math.max(0, count));
        } catch (IOException e) {
            // the client went away first; nothing to do
        }
    }

    /** Reads and drops the rest of the body, so that an early answer reaches a client still sending. */
    public void discard() {
        if (spooled != null || bytes != null || consumed) {
            return;
        }
        consumed = true;
        try {
            raw.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client went away; the answer will not reach it anyway
        }
    }

    /** Frees a spooled body. */
    public void release() {
        if (spooled != null) {
            spooled.delete();
        }
    }

    private <T> T readRaw(IoFunction<T> read) {
        if (consumed) {
            throw new IllegalStateException("the request body was already read");
        }
        consumed = true;
        try {
            return read.apply(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }

    @FunctionalInterface
    private interface IoFunction<T> {
        T apply(InputStream in) throws IOException;
    }
}
