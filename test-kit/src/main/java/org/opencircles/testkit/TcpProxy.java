package org.opencircles.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a real server (PostgreSQL, say) that a fault test can cut, so that open connections break
 * and new ones are refused exactly as when the server goes down, and then restore on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    /** What the proxy does with one connection: relays between the client and the server it opened for it. */
    public interface Relay {
        /** Starts relaying (on threads of its own) and returns; closing either socket ends the connection. */
        void start(Socket client, Socket server);
    }

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Relay relay;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private TcpProxy(String targetHost, int targetPort, Relay relay) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.relay = relay == null
                ? (client, upstream) -> {
                    pipe(client, upstream);
                    pipe(upstream, client);
                }
                : relay;
        this.server = bind(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /** Starts a proxy on a free loopback port that forwards every connection to {@code host:port}. */
    public static TcpProxy start(String host, int port) {
        return start(host, port, null);
    }

    /** As {@link #start(String, int)}, relaying each connection with {@code relay} rather than byte for byte. */
    public static TcpProxy start(String host, int port, Relay relay) {
        try {
            return new TcpProxy(host, port, relay);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a proxy to " + host + ":" + port, e);
        }
    }

    public int port() {
        return port;
    }

    /** Resets every open connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        ServerSocket current = server;
        server = null;
        closeQuietly(current);
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            server = bind(port);
            accept(server);
        } catch (IOException e) {
            throw new IllegalStateException("Could not listen on " + port + " again", e);
        }
    }

    public boolean isCut() {
        return server == null;
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket listening) {
        Thread acceptor = new Thread(
                () -> {
                    while (!listening.isClosed()) {
                        try {
                            Socket client = listening.accept();
                            Socket upstream = new Socket(targetHost, targetPort);
                            client.setTcpNoDelay(true);
                            upstream.setTcpNoDelay(true);
                            sockets.add(client);
                            sockets.add(upstream);
                            relay.start(client, upstream);
                        } catch (IOException e) {
                            // The listening socket was closed by cut(), or the target refused: the client sees a reset.
                        }
                    }
                },
                "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pipe(Socket from, Socket to) {
        Thread copier = new Thread(
                () -> {
                    byte[] buffer = new byte[16384];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) != -1) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // Either side went away; closing both tells the other side.
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        sockets.remove(from);
                        sockets.remove(to);
                    }
                },
                "tcp-proxy-pipe-" + port);
        copier.setDaemon(true);
        copier.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
