import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Baseline for bench/notifier.sh: sends N plain-text emails to an SMTP server straight over one socket (as the
 * notifier's pooled connection does), with no bookkeeping at all. Usage: java SmtpBaseline.java HOST PORT N RECIPIENT
 */
public class SmtpBaseline {
    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        String to = args[3];
        long start = System.nanoTime();
        try (Socket socket = new Socket(host, port)) {
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            say(out, in, "EHLO bench", "250");
            for (int i = 0; i < n; i++) {
                say(out, in, "MAIL FROM:<bench@open-circles.example>", "250");
                say(out, in, "RCPT TO:<" + to + ">", "250");
                say(out, in, "DATA", "354");
                say(out, in, "Subject: baseline " + i + "\r\nTo: " + to + "\r\n\r\nBaseline email " + i + "\r\n.", "250");
            }
            say(out, in, "QUIT", "221");
        }
        System.out.printf("%.3f%n", (System.nanoTime() - start) / 1e9);
    }

    private static void say(OutputStream out, BufferedReader in, String line, String code) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IllegalStateException("expected " + code + ", got " + line);
            }
        } while (line.charAt(3) == '-');
    }
}
