package org.opencircles.notifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in front of the real SMTP server (GreenMail) the way a relay would: a test can take it down (connections
 * reset, new ones refused), have it refuse chosen addresses permanently (550 to RCPT, as a real server does for a
 * mailbox that does not exist), or run something the moment a message has been handed over.
 */
final class SmtpFront implements AutoCloseable {

    private static final Pattern RCPT = Pattern.compile("RCPT TO:\\s?<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    /** Addresses the front refuses permanently. */
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    /** Run once the server has accepted a message (its 250 after DATA), before the client hears it; then cleared. */
    volatile Runnable afterAccepted;
    private volatile ServerSocket server;

    SmtpFront(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = bind(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    int port() {
        return port;
    }

    /** The mail server goes away: open connections reset, new ones refused, until {@link #restore()}. */
    synchronized void cut() {
        ServerSocket current = server;
        server = null;
        close(current);
        sockets.forEach(SmtpFront::close);
        sockets.clear();
    }

    synchronized void restore() {
        if (server == null) {
            try {
                server = bind(port);
                accept(server);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
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
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    sockets.add(client);
                    sockets.add(upstream);
                    Conversation conversation = new Conversation(client, upstream);
                    start(conversation::clientToServer, "smtp-front-in");
                    start(conversation::serverToClient, "smtp-front-out");
                } catch (IOException e) {
                    // Cut: the listening socket is closed.
                }
            }
        }, "smtp-front-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(java.io.Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException e) {
            // Closing anyway.
        }
    }

    /** One client's session, relayed line by line so RCPT commands and the end of DATA can be seen. */
    private final class Conversation {
        private final Socket client;
        private final Socket upstream;
        private volatile boolean dataEnded;

        Conversation(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void clientToServer() {
            try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
                boolean inData = false;
                byte[] line;
                while ((line = readLine(in)) != null) {
                    String text = new String(line, StandardCharsets.ISO_8859_1).trim();
                    if (!inData) {
                        Matcher rcpt = RCPT.matcher(text);
                        if (rcpt.matches() && refused.contains(rcpt.group(1).toLowerCase(Locale.ROOT))) {
                            reply("550 5.1.1 <" + rcpt.group(1) + ">: mailbox unavailable\r\n");
                            continue;
                        }
                        if (text.equalsIgnoreCase("DATA")) {
                            inData = true;
                        }
                    } else if (text.equals(".")) {
                        inData = false;
                        dataEnded = true;
                    }
                    out.write(line);
                    out.flush();
                }
            } catch (IOException e) {
                // Either side went away.
            } finally {
                close(client);
                close(upstream);
            }
        }

        void serverToClient() {
            try (InputStream in = upstream.getInputStream()) {
                byte[] line;
                while ((line = readLine(in)) != null) {
                    String text = new String(line, StandardCharsets.ISO_8859_1);
                    if (dataEnded && text.startsWith("250")) {
                        dataEnded = false;
                        Runnable hook = afterAccepted;
                        afterAccepted = null;
                        if (hook != null) {
                            hook.run();
                        }
                    }
                    reply(text);
                }
            } catch (IOException e) {
                // Either side went away.
            } finally {
                close(client);
                close(upstream);
            }
        }

        private synchronized void reply(String text) throws IOException {
            OutputStream out = client.getOutputStream();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }
}
