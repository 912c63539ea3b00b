package org.opencircles.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Ports for processes a test starts and that bind them later (services, Keycloak). */
public final class Ports {

    /** Below Linux's ephemeral range (32768 and up), where the kernel picks local ports for outgoing connections. */
    private static final int LOWEST = 20_000;

    private static final int HIGHEST = 32_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {}

    /**
     * A port nothing listens on, never handed out before by this JVM. Not from the ephemeral range: a port the kernel
     * gave a test for a moment can be given to an outgoing connection (to Kafka, PostgreSQL) before the process the
     * test starts binds it, and that process then exits with "port in use".
     */
    public static int free() throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = random.nextInt(LOWEST, HIGHEST);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress("0.0.0.0", port));
                return port;
            } catch (IOException inUse) {
                // Someone listens there: try another.
            }
        }
        throw new IOException("No free port between " + LOWEST + " and " + HIGHEST);
    }
}
