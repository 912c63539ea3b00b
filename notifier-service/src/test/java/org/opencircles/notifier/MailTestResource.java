package org.opencircles.notifier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.opencircles.testkit.SmtpFront;

/** A real SMTP server (GreenMail) in the test JVM, reached by the service through an {@link SmtpFront}. */
public class MailTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;
    private static SmtpFront front;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        front = SmtpFront.start(greenMail.getSmtp().getPort());
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(front.port()));
    }

    @Override
    public void stop() {
        if (front != null) {
            front.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    static SmtpFront front() {
        return front;
    }

    /** Every message the server has received for {@code recipient}. */
    static List<MimeMessage> inbox(String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
