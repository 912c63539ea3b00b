package org.opencircles.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in front of a real SMTP server (GreenMail) the way a relay would: a test can take it down ({@link #cut()}),
 * have it refuse chosen addresses permanently (550 to RCPT, as a real server does for a mailbox that does not exist),
 * or run something the moment a message has been handed over ({@link #afterAccepted}), such as killing the sender,
 * or accept connections and never greet ({@link #stopGreeting()}), as a stalled server does.
 */
public final class SmtpFront implements AutoCloseable {

    private static final Pattern RCPT = Pattern.compile("RCPT TO:\\s?<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

    /** Addresses the front refuses permanently. */
    public final Set<String> refused = ConcurrentHashMap.newKeySet();
    /** Run once the server has accepted a message (its 250 after DATA), before the client hears it; then cleared. */
    public volatile Runnable afterAccepted;
    /** While set, new connections are accepted and then hear nothing, not even the greeting. */
    private volatile boolean silent;

    private final TcpProxy proxy;

    private SmtpFront(int serverPort) {
        this.proxy =
                TcpProxy.start("127.0.0.1", serverPort, (client, server) -> new Conversation(client, server).start());
    }

    /** A front on a free loopback port for the SMTP server on {@code serverPort}. */
    public static SmtpFront start(int serverPort) {
        return new SmtpFront(serverPort);
    }

    public int port() {
        return proxy.port();
    }

    /** The mail server goes away: open connections reset, new ones refused, until {@link #restore()}. */
    public void cut() {
        proxy.cut();
    }

    public void restore() {
        silent = false;
        proxy.restore();
    }

    /**
     * The server stalls: open connections are reset, and new ones are accepted but never greeted (no 220), until
     * {@link #restore()}.
     */
    public void stopGreeting() {
        silent = true;
        proxy.cut();
        proxy.restore();
    }

    @Override
    public void close() {
        proxy.close();
    }

    /** One client's session, relayed line by line so RCPT commands and the end of DATA can be seen. */
    private final class Conversation {
        private final Socket client;
        private final Socket server;
        private volatile boolean dataEnded;
        private final boolean mute;

        Conversation(Socket client, Socket server) {
            this.client = client;
            this.server = server;
            this.mute = silent;
        }

        void start() {
            daemon(this::clientToServer, "smtp-front-in");
            daemon(this::serverToClient, "smtp-front-out");
        }

        private void clientToServer() {
            try (InputStream in = client.getInputStream();
                    OutputStream out = server.getOutputStream()) {
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
                        inData = text.equalsIgnoreCase("DATA");
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
                closeBoth();
            }
        }

        private void serverToClient() {
            try (InputStream in = server.getInputStream()) {
                byte[] line;
                while ((line = readLine(in)) != null) {
                    String text = new String(line, StandardCharsets.ISO_8859_1);
                    if (mute) {
                        continue;
                    }
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
                closeBoth();
            }
        }

        private synchronized void reply(String text) throws IOException {
            OutputStream out = client.getOutputStream();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        private void closeBoth() {
            try {
                client.close();
                server.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
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
