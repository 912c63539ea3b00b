import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Latency of one GET under N concurrent clients, each sending its next request when the last one answered (closed
 * loop), from one JVM so no process start-up is counted. A warm-up round is discarded.
 * Usage: java Latency.java URL TOKEN [clients=8] [requests per client=50]; prints "p50 X ms, p99 Y ms".
 */
public class Latency {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = args[1];
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int perClient = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        // HTTP/1.1 as curl and most REST clients speak it: the default h2c upgrade stalled large answers for seconds.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
        run(http, request, clients, Math.max(5, perClient / 5)); // warm-up, discarded
        List<Long> nanos = run(http, request, clients, perClient);
        Collections.sort(nanos);
        System.out.printf("p50 %.0f ms, p99 %.0f ms (%d requests)%n", nanos.get(nanos.size() / 2) / 1e6,
                nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1) / 1e6, nanos.size());
    }

    private static List<Long> run(HttpClient http, HttpRequest request, int clients, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    times.add(System.nanoTime() - t0);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
                    }
                }
                return times;
            }));
        }
        List<Long> all = new ArrayList<>();
        try {
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return all;
    }
}
