package org.opencircles.notifier.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencircles.notifier.config.NotifierConfig;

/**
 * Asks the mail server, on a connection of its own, whether it greets (220) within the greeting timeout, then says
 * QUIT. A sender asks before it sends, so that a server that accepts connections and never greets (or refuses them)
 * leaves its emails PENDING to be retried, not UNCERTAIN: nothing can have been taken by a server that never spoke.
 */
@ApplicationScoped
public class MailServerGreeting {

    private final String host;
    private final int port;
    private final boolean tls;
    private final NotifierConfig config;

    public MailServerGreeting(
            @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "quarkus.mailer.port") Optional<Integer> port,
            @ConfigProperty(name = "quarkus.mailer.tls", defaultValue = "false") boolean tls,
            NotifierConfig config) {
        this.host = host;
        this.tls = tls;
        this.port = port.orElse(tls ? 465 : 25);
        this.config = config;
    }

    /** Empty when the server greeted in time; otherwise what happened instead, for the email's last error. */
    public Optional<String> problem() {
        int timeout = (int) config.greetingTimeout().toMillis();
        try (Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeout);
            socket.setSoTimeout(timeout);
            InputStream in = socket.getInputStream();
            String greeting = firstLine(in);
            if (greeting == null) {
                return Optional.of("the mail server closed the connection without greeting");
            }
            if (!greeting.startsWith("220")) {
                return Optional.of(
                        "the mail server greeted with " + greeting.substring(0, Math.min(60, greeting.length())));
            }
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return Optional.empty();
        } catch (SocketTimeoutException e) {
            return Optional.of("the mail server did not connect and greet within "
                    + config.greetingTimeout().toSeconds() + " s");
        } catch (IOException e) {
            return Optional.of("the mail server could not be reached: " + e.getMessage());
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.length() < 512) {
                line.append((char) b);
            }
        }
        return b == -1 && line.length() == 0 ? null : line.toString().trim();
    }
}
