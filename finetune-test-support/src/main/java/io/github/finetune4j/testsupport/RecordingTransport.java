package io.github.finetune4j.testsupport;

import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.HttpResult;
import io.github.finetune4j.core.spi.HttpTransport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes calls to a real transport and remembers them, to check retry modes and timeouts. */
public final class RecordingTransport implements HttpTransport {
    private final HttpTransport delegate;
    private final List<HttpCall> calls = new CopyOnWriteArrayList<>();

    /**
     * Wraps a transport.
     *
     * @param delegate the real transport
     */
    public RecordingTransport(HttpTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public HttpResult send(HttpCall call) {
        calls.add(call);
        return delegate.send(call);
    }

    /**
     * The calls so far.
     *
     * @return the calls in order
     */
    public List<HttpCall> calls() {
        return List.copyOf(calls);
    }

    /**
     * The last call.
     *
     * @return the call
     */
    public HttpCall last() {
        return calls.get(calls.size() - 1);
    }
}
