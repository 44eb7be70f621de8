package org.heritageguide.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.heritageguide.testing.GuideServerProcess;

/**
 * A plain TCP relay on 127.0.0.1 in front of the test server, so a test can take "the server" away
 * (connections refused, open ones cut) and bring it back on the same address within milliseconds, or
 * make it slow (new connections accepted but not answered until it is let go).
 */
final class TcpRelay implements AutoCloseable {

    private final int target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    TcpRelay(int target) throws IOException {
        this.target = target;
        this.port = GuideServerProcess.freePort();
        start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    synchronized void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = socket;
        Thread accept = new Thread(() -> accept(socket), "relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** The server is slow: connections made from now on are accepted, but nothing passes until {@link #letGo}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    /** The held connections are answered now, and new ones at once. */
    void letGo() {
        gate.countDown();
    }

    /** The server is gone: new connections are refused and open ones are cut. */
    synchronized void stop() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException unreachable) {
                    closeQuietly(client);
                    continue;
                }
                // a connection accepted while stop() runs must be cut too, not left serving
                synchronized (this) {
                    if (socket.isClosed()) {
                        closeQuietly(client);
                        closeQuietly(server);
                        return;
                    }
                    open.add(client);
                    open.add(server);
                }
                CountDownLatch held = gate;
                Thread relay = new Thread(() -> {
                    try {
                        held.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    pipe(client, server);
                    pipe(server, client);
                }, "relay-held");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
