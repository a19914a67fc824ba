package dev.funnel.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/**
 * A minimal graphql-transport-ws client on the JDK's WebSocket, for tests of the server's side of
 * the protocol (clients/ runs the npm graphql-ws client against it too). It keeps every message
 * received and the close code.
 */
public final class GraphQLWs implements AutoCloseable {

    private final WebSocket socket;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private GraphQLWs(String protocol) {
        URI uri = URI.create("ws://localhost:" + RestAssured.port + "/graphql");
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols(protocol)
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            messages.add(text.toString());
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed.complete(-1);
                    }
                }).join();
    }

    /** Opens a connection and sends connection_init with the token (none when null). */
    public static GraphQLWs connect(String token) {
        GraphQLWs ws = new GraphQLWs("graphql-transport-ws");
        JsonObject init = new JsonObject().put("type", "connection_init");
        if (token != null) {
            init.put("payload", new JsonObject().put("Authorization", "Bearer " + token));
        }
        ws.send(init);
        return ws;
    }

    public void send(JsonObject message) {
        socket.sendText(message.encode(), true).join();
    }

    /** Subscribes once the server has acknowledged the connection, as clients must. */
    public void subscribe(String id, String query, Map<String, Object> variables) {
        await(ms -> ms.stream().anyMatch(m -> "connection_ack".equals(m.getString("type"))), Duration.ofSeconds(20));
        send(new JsonObject().put("type", "subscribe").put("id", id)
                .put("payload", new JsonObject().put("query", query).put("variables", new JsonObject(variables))));
    }

    /** The messages received so far. */
    public List<JsonPath> messages() {
        return messages.stream().map(JsonPath::new).toList();
    }

    /** The payloads of the next messages of operation {@code id}. */
    public List<JsonPath> next(String id) {
        return messages.stream().map(JsonObject::new)
                .filter(m -> "next".equals(m.getString("type")) && id.equals(m.getString("id")))
                .map(m -> new JsonPath(m.getJsonObject("payload").encode())).toList();
    }

    public List<JsonPath> await(Predicate<List<JsonPath>> done, Duration timeout) {
        return Await.until(this::messages, done, timeout,
                "the messages expected" + (closed.isDone() ? " (closed with " + closed.join() + ")" : ""));
    }

    /** The close code, once the server closed the connection. */
    public int closeCode(Duration timeout) {
        return closed.completeOnTimeout(0, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }
}
