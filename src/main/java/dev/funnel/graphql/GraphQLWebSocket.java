package dev.funnel.graphql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import dev.funnel.common.ErrorCode;
import graphql.ExecutionResult;
import io.quarkus.logging.Log;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL over WebSocket on /graphql, in the graphql-transport-ws protocol
 * (github.com/enisdenjo/graphql-ws, PROTOCOL.md), for subscriptions (and any operation).
 * <ul>
 * <li>The caller is identified when the connection opens: by the upgrade request's
 * {@code Authorization} header where the client can set one, else by {@code Authorization}
 * ({@code Bearer …}) in the {@code connection_init} payload, which is what browsers can send. A
 * connection without a valid token is closed with 4403; one that sends no {@code connection_init}
 * within 10 s with 4408. When the token expires, the connection is closed with 4403 and the client
 * reconnects with a fresh one (resuming its subscriptions from their last cursor).</li>
 * <li>Every document passes {@link GraphQLDocuments} (sizes, limits) and the engine's checks, as
 * over HTTP; at most {@value #MAX_OPERATIONS} operations run at once per connection.</li>
 * <li>Each operation runs in a request context of its own, with the caller's identity, like an
 * HTTP request; a subscription's events are then sent as {@code next} messages.</li>
 * </ul>
 */
final class GraphQLWebSocket {

    static final String PROTOCOL = "graphql-transport-ws";
    private static final int MAX_OPERATIONS = 20;
    private static final long INIT_TIMEOUT_MS = 10_000;

    private final GraphQLEndpoint endpoint;
    private final GraphQLDocuments documents;
    private final IdentityProviderManager identityProviders;

    GraphQLWebSocket(GraphQLEndpoint endpoint, GraphQLDocuments documents, IdentityProviderManager identityProviders) {
        this.endpoint = endpoint;
        this.documents = documents;
        this.identityProviders = identityProviders;
    }

    void upgrade(RoutingContext ctx) {
        String offered = ctx.request().getHeader("Sec-WebSocket-Protocol");
        if (offered == null || java.util.Arrays.stream(offered.split(",")).map(String::strip).noneMatch(PROTOCOL::equals)) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(GraphQLEndpoint.errorBody(ErrorCode.BAD_REQUEST, "Sec-WebSocket-Protocol",
                            "GraphQL over WebSocket speaks " + PROTOCOL + " only: offer it in Sec-WebSocket-Protocol"));
            return;
        }
        SecurityIdentity fromHeader = ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                ? user.getSecurityIdentity() : null;
        ctx.request().toWebSocket().onSuccess(ws -> new Connection(ctx, ws, fromHeader).start())
                .onFailure(e -> Log.debugf("A GraphQL WebSocket upgrade failed: %s", e.toString()));
    }

    private final class Connection {
        private final RoutingContext ctx;
        private final ServerWebSocket ws;
        private final Vertx vertx;
        private final SecurityIdentity fromHeader;
        private final Map<String, AtomicReference<Subscription>> operations = new ConcurrentHashMap<>();
        private final Map<String, Runnable> ends = new ConcurrentHashMap<>();
        private volatile SecurityIdentity identity;
        private boolean initialised;
        private long initTimer;
        private long expiryTimer = -1;

        Connection(RoutingContext ctx, ServerWebSocket ws, SecurityIdentity fromHeader) {
            this.ctx = ctx;
            this.ws = ws;
            this.vertx = ctx.vertx();
            this.fromHeader = fromHeader;
        }

        void start() {
            initTimer = vertx.setTimer(INIT_TIMEOUT_MS, t -> close(4408, "Connection initialisation timeout"));
            ws.textMessageHandler(this::onMessage);
            ws.binaryMessageHandler(b -> close(4400, "Messages are JSON text"));
            ws.closeHandler(v -> stop());
            ws.exceptionHandler(e -> Log.debugf("GraphQL WebSocket error: %s", e.toString()));
        }

        private void stop() {
            vertx.cancelTimer(initTimer);
            if (expiryTimer >= 0) {
                vertx.cancelTimer(expiryTimer);
            }
            operations.values().forEach(s -> {
                Subscription sub = s.get();
                if (sub != null) {
                    sub.cancel();
                }
            });
            operations.clear();
            ends.keySet().forEach(this::ended);
        }

        private void close(int code, String reason) {
            stop();
            if (!ws.isClosed()) {
                ws.close((short) code, reason);
            }
        }

        private void onMessage(String text) {
            JsonObject message;
            try {
                message = new JsonObject(text);
            } catch (DecodeException | ClassCastException e) {
                close(4400, "Invalid message: not a JSON object");
                return;
            }
            Object type = message.getValue("type");
            if (!(type instanceof String)) {
                close(4400, "Invalid message: no type");
                return;
            }
            switch ((String) type) {
                case "connection_init" -> init(message);
                case "ping" -> send(new JsonObject().put("type", "pong"));
                case "pong" -> { }
                case "subscribe" -> subscribe(message);
                case "complete" -> complete(message);
                default -> close(4400, "Invalid message type " + type);
            }
        }

        private void init(JsonObject message) {
            if (initialised) {
                close(4429, "Too many initialisation requests");
                return;
            }
            initialised = true;
            vertx.cancelTimer(initTimer);
            Object payload = message.getValue("payload");
            String authorization = payload instanceof JsonObject p ? header(p) : null;
            if (authorization == null) {
                if (fromHeader == null) {
                    close(4403, "Forbidden: send a bearer token as Authorization in the connection_init payload");
                } else {
                    accept(fromHeader);
                }
                return;
            }
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() <= 7) {
                close(4403, "Forbidden: Authorization must be 'Bearer <token>'");
                return;
            }
            // the OIDC provider finds its tenant through the upgrade request's routing context
            TokenAuthenticationRequest request = new TokenAuthenticationRequest(
                    new AccessTokenCredential(authorization.substring(7).strip()));
            HttpSecurityUtils.setRoutingContextAttribute(request, ctx);
            identityProviders.authenticate(request)
                    .subscribe().with(id -> vertx.runOnContext(v -> accept(id)),
                            failure -> vertx.runOnContext(v -> {
                                Log.debugf("A GraphQL WebSocket token was refused: %s", failure.toString());
                                close(4403, "Forbidden: the token was refused");
                            }));
        }

        private String header(JsonObject payload) {
            for (String key : payload.fieldNames()) {
                if (key.equalsIgnoreCase("authorization") && payload.getValue(key) instanceof String s) {
                    return s;
                }
            }
            return null;
        }

        private void accept(SecurityIdentity id) {
            if (ws.isClosed()) {
                return;
            }
            if (id == null || id.isAnonymous()) {
                close(4403, "Forbidden: the token was refused");
                return;
            }
            identity = id;
            if (id.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
                long left = jwt.getExpirationTime() * 1000 - System.currentTimeMillis();
                if (left <= 0) {
                    close(4403, "Forbidden: the token has expired");
                    return;
                }
                expiryTimer = vertx.setTimer(left, t -> close(4403, "Forbidden: the token has expired; reconnect with a new one"));
            }
            send(new JsonObject().put("type", "connection_ack"));
        }

        private void subscribe(JsonObject message) {
            if (identity == null) {
                close(4401, "Unauthorized");
                return;
            }
            Object rawId = message.getValue("id");
            Object rawPayload = message.getValue("payload");
            if (!(rawId instanceof String id) || id.isEmpty() || !(rawPayload instanceof JsonObject payload)
                    || !(payload.getValue("query") instanceof String query)) {
                close(4400, "Invalid subscribe message: id and payload.query are required");
                return;
            }
            if (operations.containsKey(id)) {
                close(4409, "Subscriber for " + id + " already exists");
                return;
            }
            if (operations.size() >= MAX_OPERATIONS) {
                error(id, ErrorCode.LIMIT_EXCEEDED, null, "At most " + MAX_OPERATIONS + " operations run at once on a connection");
                return;
            }
            Object variables = payload.getValue("variables");
            if (variables != null && !(variables instanceof JsonObject)) {
                error(id, ErrorCode.BAD_REQUEST, "variables", "variables must be an object");
                return;
            }
            try {
                documents.check(query).typeOf(payload.getValue("operationName") instanceof String n ? n : null);
                GraphQLDocuments.refuseNulInVariables(variables == null ? null : ((JsonObject) variables).getMap());
            } catch (GraphQLDocuments.Refused e) {
                error(id, e.code, e.field, e.getMessage());
                return;
            }
            AtomicReference<Subscription> subscription = new AtomicReference<>();
            operations.put(id, subscription);
            JsonObject request = new JsonObject().put("query", query);
            if (payload.getValue("operationName") instanceof String name) {
                request.put("operationName", name);
            }
            if (variables != null) {
                request.put("variables", variables);
            }
            endpoint.engine(ctx, identity, request, (response, end) -> vertx.runOnContext(v -> answered(id, response, end)),
                    failure -> vertx.runOnContext(v -> {
                        Log.warnf(failure, "A GraphQL WebSocket operation failed");
                        if (operations.remove(id) != null) {
                            error(id, ErrorCode.INTERNAL, null, "The operation failed");
                        }
                    }));
        }

        /** {@code end} ends the operation's request context: at once, or when its subscription ends. */
        private void answered(String id, ExecutionResponse response, Runnable end) {
            AtomicReference<Subscription> slot = operations.get(id);
            if (slot == null) {
                end.run();
                return;
            }
            ExecutionResult result = response.getExecutionResult();
            if (!result.isDataPresent()) {
                end.run();
                operations.remove(id);
                JsonObject body = new JsonObject(response.getExecutionResultAsString());
                send(new JsonObject().put("type", "error").put("id", id).put("payload", body.getJsonArray("errors")));
                return;
            }
            if (result.getData() instanceof Publisher<?> publisher) {
                @SuppressWarnings("unchecked")
                Publisher<ExecutionResult> stream = (Publisher<ExecutionResult>) publisher;
                ends.put(id, end);
                stream.subscribe(new Forwarder(id));
                return;
            }
            end.run();
            operations.remove(id);
            next(id, response.getExecutionResultAsString());
            send(new JsonObject().put("type", "complete").put("id", id));
        }

        /** Ends a subscription's request context, once it is over (completed, failed, cancelled, closed). */
        private void ended(String id) {
            Runnable end = ends.remove(id);
            if (end != null) {
                end.run();
            }
        }

        private void complete(JsonObject message) {
            if (message.getValue("id") instanceof String id) {
                AtomicReference<Subscription> s = operations.remove(id);
                if (s != null && s.get() != null) {
                    s.get().cancel();
                }
                ended(id);
            }
        }

        private void next(String id, String executionResult) {
            send(new JsonObject().put("type", "next").put("id", id).put("payload", new JsonObject(executionResult)));
        }

        private void error(String id, ErrorCode code, String field, String message) {
            JsonObject extensions = new JsonObject().put("code", code.name());
            if (field != null) {
                extensions.put("field", field);
            }
            send(new JsonObject().put("type", "error").put("id", id)
                    .put("payload", new JsonArray().add(new JsonObject().put("message", message).put("extensions", extensions))));
        }

        private void send(JsonObject message) {
            if (!ws.isClosed()) {
                ws.writeTextMessage(message.encode());
            }
        }

        /** Sends each event of a subscription as it comes, one at a time. */
        private final class Forwarder implements Subscriber<ExecutionResult> {
            private final String id;

            Forwarder(String id) {
                this.id = id;
            }

            @Override
            public void onSubscribe(Subscription s) {
                AtomicReference<Subscription> slot = operations.get(id);
                if (slot == null || ws.isClosed()) {
                    s.cancel();
                    return;
                }
                slot.set(s);
                s.request(1);
            }

            @Override
            public void onNext(ExecutionResult result) {
                String json = new ExecutionResponse(result).getExecutionResultAsString();
                vertx.runOnContext(v -> {
                    AtomicReference<Subscription> slot = operations.get(id);
                    if (slot != null) {
                        next(id, json);
                        slot.get().request(1);
                    }
                });
            }

            @Override
            public void onError(Throwable t) {
                Log.warnf(t, "An events subscription failed");
                vertx.runOnContext(v -> {
                    ended(id);
                    if (operations.remove(id) != null) {
                        error(id, ErrorCode.INTERNAL, null, "The subscription failed");
                    }
                });
            }

            @Override
            public void onComplete() {
                vertx.runOnContext(v -> {
                    ended(id);
                    if (operations.remove(id) != null) {
                        send(new JsonObject().put("type", "complete").put("id", id));
                    }
                });
            }
        }
    }
}
