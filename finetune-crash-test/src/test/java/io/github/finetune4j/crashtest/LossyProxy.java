package io.github.finetune4j.crashtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP proxy that loses things the way a bad network does, for HTTP/1.1 between a client and the emulator.
 * For each request (the first bytes the client sends after a response has started, or on a new connection) it draws
 * one {@link Loss} from a seeded {@link Random}, so a run is reproducible from its seed (up to the timing of the
 * client's own retries):
 * <ul>
 *   <li>{@link Loss#RESET_BEFORE_SENDING}: the request never reaches the server; the client's connection is reset.</li>
 *   <li>{@link Loss#RESET_AFTER_REQUEST}: the request reaches the server and takes effect; when its response starts,
 *       the client's connection is reset instead.</li>
 *   <li>{@link Loss#CUT_RESPONSE}: the request takes effect; half of the first piece of its response reaches the
 *       client, then the connection is reset.</li>
 *   <li>{@link Loss#DELAY_RESPONSE}: the request takes effect; its response is held for longer than the client's
 *       timeout.</li>
 * </ul>
 * Plain sockets, one thread per direction of each connection. Thread-safe.
 */
final class LossyProxy implements AutoCloseable {

    /** What happens to one request. */
    enum Loss { NONE, RESET_BEFORE_SENDING, RESET_AFTER_REQUEST, CUT_RESPONSE, DELAY_RESPONSE }

    private final int upstreamPort;
    private final Random random;
    private final double lossRate;
    private final Duration delay;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lossy-proxy");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Map<Loss, Integer> counts = Collections.synchronizedMap(new EnumMap<>(Loss.class));
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

    /**
     * Starts the proxy on an ephemeral loopback port.
     *
     * @param upstreamPort the emulator's port on 127.0.0.1
     * @param seed the seed of the draws
     * @param lossRate the share of requests that meet a loss, spread evenly over the four kinds
     * @param delay how long {@link Loss#DELAY_RESPONSE} holds a response: longer than the client's timeouts
     */
    LossyProxy(int upstreamPort, long seed, double lossRate, Duration delay) {
        this.upstreamPort = upstreamPort;
        this.random = new Random(seed);
        this.lossRate = lossRate;
        this.delay = delay;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    /** The port clients connect to. */
    int port() {
        return server.getLocalPort();
    }

    /** How many requests met each loss so far. */
    Map<Loss, Integer> counts() {
        synchronized (counts) {
            return Map.copyOf(counts);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        synchronized (sockets) {
            sockets.forEach(LossyProxy::closeQuietly);
        }
        threads.shutdownNow();
    }

    private Loss draw() {
        Loss loss;
        synchronized (random) {
            double r = random.nextDouble();
            loss = r >= lossRate ? Loss.NONE : Loss.values()[1 + (int) (r / lossRate * 4)];
        }
        counts.merge(loss, 1, Integer::sum);
        return loss;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(client);
                sockets.add(upstream);
                Link link = new Link(client, upstream);
                threads.execute(link::requests);
                threads.execute(link::responses);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** One client connection and its upstream connection. */
    private final class Link {
        private final Socket client;
        private final Socket upstream;
        /** True when the next bytes from the client begin a new request. */
        private boolean betweenRequests = true;
        private Loss current = Loss.NONE;
        private boolean responseStarted;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void requests() {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    Loss loss;
                    synchronized (this) {
                        if (betweenRequests) {
                            current = draw();
                            betweenRequests = false;
                            responseStarted = false;
                        }
                        loss = current;
                    }
                    if (loss == Loss.RESET_BEFORE_SENDING) {
                        reset();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
                upstream.shutdownOutput();
            } catch (IOException e) {
                reset();
            }
        }

        void responses() {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    Loss loss;
                    boolean first;
                    synchronized (this) {
                        betweenRequests = true;
                        loss = current;
                        first = !responseStarted;
                        responseStarted = true;
                    }
                    switch (loss) {
                        case RESET_AFTER_REQUEST:
                            reset();
                            return;
                        case CUT_RESPONSE:
                            out.write(buffer, 0, Math.max(1, n / 2));
                            out.flush();
                            reset();
                            return;
                        case DELAY_RESPONSE:
                            if (first && closed.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                                return;
                            }
                            break;
                        default:
                            break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
                client.shutdownOutput();
            } catch (IOException e) {
                reset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reset();
            }
        }

        /** Resets the client's connection (RST, not FIN) and closes the upstream one. */
        private void reset() {
            try {
                client.setSoLinger(true, 0);
            } catch (SocketException e) {
                // already closed
            }
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    /** The address clients use, for messages. */
    @Override
    public String toString() {
        return "LossyProxy[" + new InetSocketAddress(InetAddress.getLoopbackAddress(), port()) + " -> " + upstreamPort
                + "]";
    }
}
