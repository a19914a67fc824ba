package dev.funnel.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 that receives webhooks: it keeps every request (headers and
 * body as received) and answers what {@link #answer} says for the webhook-id and its attempt.
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Delivery(String id, String timestamp, String signature, String body, int status) {
    }

    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile BiFunction<String, Integer, Integer> answer = (id, attempt) -> 204;
    private HttpServer server;
    private final int port;

    public Receiver() throws IOException {
        this(0);
    }

    public Receiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            int attempt = attempts.computeIfAbsent(String.valueOf(id), k -> new AtomicInteger()).incrementAndGet();
            int status = answer.apply(id, attempt);
            received.add(new Delivery(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8), status));
            byte[] reply = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, status == 204 ? -1 : reply.length);
            if (status != 204) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                }
            }
            exchange.close();
        });
        server.start();
        this.port = server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    public int port() {
        return port;
    }

    /** What to answer: the status for a webhook-id's n-th attempt (from 1). */
    public Receiver answering(BiFunction<String, Integer, Integer> answer) {
        this.answer = answer;
        return this;
    }

    public List<Delivery> received() {
        return new ArrayList<>(received);
    }

    /** The 2xx deliveries. */
    public List<Delivery> accepted() {
        return received.stream().filter(d -> d.status() / 100 == 2).toList();
    }

    /** Waits until the received requests satisfy {@code done}; fails after {@code timeout}. */
    public List<Delivery> await(Predicate<List<Delivery>> done, Duration timeout) {
        return Await.until(this::received, done, timeout, "the deliveries expected");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
