package io.github.finetune4j.testkit.internal;

import com.sun.net.httpserver.HttpServer;
import io.github.finetune4j.testkit.internal.http.HttpDispatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server bound to the loopback address, with a pool of daemon threads.
 */
public final class EmulatorServer implements AutoCloseable {

    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final int REBIND_ATTEMPTS = 50;
    private static final long REBIND_PAUSE_MILLIS = 20;

    private final HttpDispatcher dispatcher;
    private final ExecutorService executor;
    private final CountDownLatch closed;
    private final int port;
    private volatile HttpServer server;

    private EmulatorServer(HttpServer server, HttpDispatcher dispatcher, ExecutorService executor,
                           CountDownLatch closed) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.closed = closed;
        this.port = server.getAddress().getPort();
    }

    /**
     * Binds and starts a server.
     *
     * @param port the port, 0 for an ephemeral one
     * @param dispatcher the handler of every request
     * @param closed counted down on {@link #close()}, which ends hanging requests
     * @return the running server
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static EmulatorServer start(int port, HttpDispatcher dispatcher, CountDownLatch closed) {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every response then
        // waits for the client's delayed ACK (about 40 ms). The property is read once, when the first
        // com.sun.net.httpserver server of the JVM is created, and an explicit setting is left alone.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            throw new UncheckedIOException("cannot start the FineTuningEmulator: port " + port
                    + " on 127.0.0.1 is in use", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the FineTuningEmulator to 127.0.0.1:" + port + ": "
                    + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads(server.getAddress().getPort()));
        server.setExecutor(executor);
        server.createContext("/", dispatcher);
        server.start();
        return new EmulatorServer(server, dispatcher, executor, closed);
    }

    /**
     * Returns the bound port.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Returns the bound host, the loopback address.
     *
     * @return the host address, e.g. {@code 127.0.0.1}
     */
    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /**
     * Drops every connection, in-flight requests included, and listens again on the same port with the same
     * handler. Does nothing once closed.
     *
     * @throws UncheckedIOException if the port cannot be bound again
     */
    public synchronized void restart() {
        if (closed.getCount() == 0) {
            return;
        }
        server.stop(0);
        IOException last = null;
        for (int attempt = 0; attempt < REBIND_ATTEMPTS; attempt++) {
            try {
                HttpServer again = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                        0);
                again.setExecutor(executor);
                again.createContext("/", dispatcher);
                again.start();
                server = again;
                return;
            } catch (IOException e) {
                last = e;
                pause();
            }
        }
        throw new UncheckedIOException("could not listen on 127.0.0.1:" + port + " again after a restart", last);
    }

    @Override
    public synchronized void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private static void pause() {
        try {
            Thread.sleep(REBIND_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(int port) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "finetune-emulator-" + port + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
