package dev.funnel.graphql;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import dev.funnel.common.ErrorCode;
import graphql.ExecutionResult;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code /graphql} as the GraphQL-over-HTTP specification asks
 * (https://graphql.github.io/graphql-over-http/draft/): POST with {@code application/json}, GET for
 * queries, answers in {@code application/json} or {@code application/graphql-response+json} as the
 * {@code Accept} header prefers, and every error in the shape of README "Errors", with a code.
 *
 * <p>It replaces SmallRye's HTTP handler, which answers a body that is not JSON or a parameter of
 * the wrong type with HTTP 500 and no code, a refused GET with an empty 405, and {@code *}/{@code *}
 * with a media type clients do not expect; it keeps SmallRye's engine ({@link ExecutionService}), run
 * the way SmallRye's handler runs it: in a request context, with the caller's identity, from the
 * event loop (the fetchers run on worker threads). Requests that are not HTTP-wellformed are answered here with {@code BAD_REQUEST};
 * documents go through {@link GraphQLDocuments} before the engine sees them.
 *
 * <p>Status codes: HTTP-level faults are 4xx in both media types. A request error (the document
 * does not parse or validate, a variable does not coerce, a limit is passed: nothing ran, no
 * {@code data}) is 200 in {@code application/json}, the legacy media type, and 400 in
 * {@code application/graphql-response+json}. Anything that ran is 200.
 */
@ApplicationScoped
public class GraphQLEndpoint {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String JSON = "application/json";
    /** Before SmallRye's route (registered without an order, so at 0 and up), after authentication. */
    private static final int ORDER = -1;
    private static final int WEBSOCKET_ORDER = -100;
    private static final long MAX_BODY = 1024 * 1024;
    private static final JsonProvider JSON_P = JsonProvider.provider();

    private final GraphQLDocuments documents;
    private final LimitsConfig limits;
    private final CurrentIdentityAssociation identities;
    private final CurrentVertxRequest currentRequest;
    private volatile ExecutionService engine;
    private final GraphQLWebSocket webSocket;

    public GraphQLEndpoint(GraphQLDocuments documents, LimitsConfig limits, CurrentIdentityAssociation identities,
            CurrentVertxRequest currentRequest, IdentityProviderManager identityProviders) {
        this.webSocket = new GraphQLWebSocket(this, documents, identityProviders);
        this.documents = documents;
        this.limits = limits;
        this.identities = identities;
        this.currentRequest = currentRequest;
    }

    void routes(@Observes Router router) {
        for (String path : List.of("/graphql", "/graphql/")) {
            // SmallRye serves GraphQL over WebSocket on /graphql at order -99, before any token check
            // and before GraphQLDocuments: Funnel's own handler takes every upgrade first
            router.route(path).order(WEBSOCKET_ORDER).handler(ctx -> {
                if ("websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
                    webSocket.upgrade(ctx);
                } else {
                    ctx.next();
                }
            });
            // a route of its own: Vert.x takes no body handler after a handler of the application's
            router.route(path).order(ORDER - 1).handler(this::authenticated);
            router.route(path).order(ORDER).handler(BodyHandler.create().setBodyLimit(MAX_BODY).setHandleFileUploads(false))
                    .handler(this::handle)
                    .failureHandler(this::failed);
        }
    }

    /** No body is read for a caller without a token. */
    private void authenticated(RoutingContext ctx) {
        if (!(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            writeError(ctx, JSON, 401, ErrorCode.UNAUTHENTICATED, null, HttpErrors.MESSAGE);
        } else {
            ctx.next();
        }
    }

    /** An HTTP request that is not a well-formed GraphQL request: answered with its status and BAD_REQUEST. */
    static final class BadRequest extends RuntimeException {

        final int status;
        final ErrorCode code;
        final String field;

        BadRequest(int status, String field, String message) {
            this(status, ErrorCode.BAD_REQUEST, field, message);
        }

        BadRequest(int status, ErrorCode code, String field, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.field = field;
        }
    }

    private void handle(RoutingContext ctx) {
        detachFromSmallRyesContext(ctx);
        String media = JSON;
        try {
            media = negotiate(ctx);
            HttpMethod method = ctx.request().method();
            if (method == HttpMethod.GET) {
                try {
                    ctx.queryParams();
                } catch (io.vertx.ext.web.handler.HttpException e) {
                    throw new BadRequest(400, null, "The query string does not decode: URL-encode query, variables and"
                            + " the other parameters");
                }
                List<io.vertx.core.json.JsonObject> one = List.of(request(fromQueryString(ctx), ""));
                run(ctx, media, one, true, false);
            } else if (method == HttpMethod.POST) {
                requireJsonContent(ctx);
                Object body = parseBody(ctx);
                if (body instanceof JsonArray batch) {
                    if (batch.isEmpty() || batch.size() > limits.maxBatch()) {
                        throw new BadRequest(400, batch.isEmpty() ? ErrorCode.BAD_REQUEST : ErrorCode.LIMIT_EXCEEDED, null,
                                "A batch holds " + batch.size() + " requests; send 1 to " + limits.maxBatch() + " per POST");
                    }
                    List<io.vertx.core.json.JsonObject> requests = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        requests.add(request(batch.getValue(i), "[" + i + "]"));
                    }
                    run(ctx, media, requests, false, true);
                } else {
                    run(ctx, media, List.of(request(body, "")), false, false);
                }
            } else {
                ctx.response().putHeader("Allow", "GET, POST");
                throw new BadRequest(405, null, "/graphql answers GET (queries) and POST, not " + method.name());
            }
        } catch (BadRequest e) {
            if (e.status == 406) {
                media = JSON;
            }
            writeError(ctx, media, e.status, e.code, e.field, e.getMessage());
        }
    }

    /**
     * SmallRye's GraphQL-over-WebSocket route (order -99) runs before this one for every request to
     * /graphql that is not an upgrade: it activates a request context and sets the response's close,
     * end and exception handlers to end whichever request context is current then. Each request here
     * runs in a request context of its own ({@link #engine}), which the fetchers make current on the
     * request's Vert.x context, shared with the event loop: a caller that hung up while its mutation
     * ran ended that mutation's context, and the mutation failed half way with an internal error
     * (rolled back, but logged as an error). The response's handlers are taken back here, so a
     * request runs to its end whether or not its caller is still there to read the answer, and a
     * billing system's retry with the same idempotency key learns what it did. SmallRye's context
     * ends here when it is still active (a request without a body, read at once); after a body read
     * later, SmallRye has already deactivated it and it holds only the identity and the current
     * request, which {@link #engine} sets again in the request's own context.
     */
    private static void detachFromSmallRyesContext(RoutingContext ctx) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            requestContext.terminate();
        }
        // no-ops rather than null, which Quarkus's wrapper of the response would call
        ctx.response().closeHandler(v -> {
        }).endHandler(v -> {
        }).exceptionHandler(e -> {
        });
    }

    /** The failures of the routes themselves: a body over the size limit, a fault of this class. */
    private void failed(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        int status = ctx.failure() instanceof io.vertx.ext.web.handler.HttpException h ? h.getStatusCode() : ctx.statusCode();
        if (status == 413) {
            writeError(ctx, JSON, 413, ErrorCode.LIMIT_EXCEEDED, null,
                    "The request body is larger than " + MAX_BODY / 1024 + " KiB");
        } else if (status >= 400 && status < 500) {
            ctx.next(); // HttpErrors answers it
        } else if (ctx.failure() != null && !(ctx.failure() instanceof io.quarkus.security.AuthenticationException)
                && !(ctx.failure() instanceof io.quarkus.security.UnauthorizedException)) {
            String reference = java.util.UUID.randomUUID().toString();
            Log.errorf(ctx.failure(), "Internal error %s on %s", reference, ctx.request().path());
            writeError(ctx, JSON, 500, ErrorCode.INTERNAL, null, "Internal error (reference " + reference + ")");
        } else {
            ctx.next();
        }
    }

    // --- HTTP: media types, body, parameters

    /** The media type of the answer: the first of Accept (by weight) that is ours; JSON when Accept is absent. */
    private static String negotiate(RoutingContext ctx) {
        List<MIMEHeader> accept = ctx.parsedHeaders().accept();
        if (accept == null || accept.isEmpty()) {
            return JSON;
        }
        for (MIMEHeader m : accept) {
            String type = m.value();
            if (type.equalsIgnoreCase(GRAPHQL_RESPONSE)) {
                return GRAPHQL_RESPONSE;
            }
            if (type.equalsIgnoreCase(JSON) || type.equals("application/*") || type.equals("*/*")) {
                return JSON;
            }
        }
        throw new BadRequest(406, null, "Accept names no media type /graphql answers in: ask for " + GRAPHQL_RESPONSE
                + " or " + JSON);
    }

    private static void requireJsonContent(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || type.isBlank()) {
            throw new BadRequest(415, null, "A POST to /graphql needs Content-Type: application/json");
        }
        String[] parts = type.split(";");
        if (!parts[0].strip().equalsIgnoreCase(JSON)) {
            throw new BadRequest(415, null,
                    "A POST to /graphql needs Content-Type: application/json, not " + parts[0].strip());
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset") && param.length == 2
                    && !param[1].strip().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw new BadRequest(415, null, "The body must be UTF-8, not " + param[1].strip());
            }
        }
    }

    private static Object parseBody(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw new BadRequest(400, null, "The body is empty: send {\"query\": \"...\"}");
        }
        try {
            return Json.decodeValue(body);
        } catch (DecodeException e) {
            throw new BadRequest(400, null, "The body is not valid JSON: send {\"query\": \"...\", \"variables\": {...}}");
        }
    }

    /** A GET's parameters, {@code variables} and {@code extensions} being JSON in the query string. */
    private static io.vertx.core.json.JsonObject fromQueryString(RoutingContext ctx) {
        io.vertx.core.json.JsonObject request = new io.vertx.core.json.JsonObject();
        for (String name : List.of("query", "operationName", "variables", "extensions")) {
            List<String> values = ctx.queryParam(name);
            if (values.size() > 1) {
                throw new BadRequest(400, name, "The parameter " + name + " is given " + values.size() + " times");
            }
            if (values.isEmpty()) {
                continue;
            }
            String value = values.get(0);
            if (name.equals("variables") || name.equals("extensions")) {
                try {
                    request.put(name, value.isEmpty() ? null : Json.decodeValue(value));
                } catch (DecodeException e) {
                    throw new BadRequest(400, name, name + " must be a JSON object, URL-encoded");
                }
            } else {
                request.put(name, value);
            }
        }
        return request;
    }

    /** A request's parameters, checked: query a non-empty string, the others null or of their type. */
    private static io.vertx.core.json.JsonObject request(Object value, String at) {
        if (!(value instanceof io.vertx.core.json.JsonObject request)) {
            throw new BadRequest(400, at.isEmpty() ? null : at, "A request must be a JSON object such as {\"query\": \"{ me { name } }\"}");
        }
        Object query = request.getValue("query");
        if (query == null) {
            throw new BadRequest(400, at + "query", "The request has no query: send {\"query\": \"...\"}");
        }
        if (!(query instanceof String s) || s.isBlank()) {
            throw new BadRequest(400, at + "query", "query must be a non-empty string holding a GraphQL document");
        }
        if (request.getValue("operationName") != null && !(request.getValue("operationName") instanceof String)) {
            throw new BadRequest(400, at + "operationName", "operationName must be a string or null");
        }
        if ("".equals(request.getValue("operationName"))) {
            // graphql-java runs the first operation for an empty name, as for none: say so for every check
            request.remove("operationName");
        }
        for (String map : List.of("variables", "extensions")) {
            if (request.getValue(map) != null && !(request.getValue(map) instanceof io.vertx.core.json.JsonObject)) {
                throw new BadRequest(400, at + map, map + " must be a JSON object (a map of names to values) or null");
            }
        }
        return request;
    }

    // --- GraphQL: documents, then SmallRye's engine

    /** One request's result, and whether it is a request error (nothing ran). */
    private record Answer(String json, boolean requestError) {
    }

    /**
     * Runs the requests one after the other, then answers them all (a batch) or the one. Each next
     * request of a batch starts as a task of its own on the request's Vert.x context, never inside
     * the previous one's completion: there, the previous request's engine call may still be
     * unwinding, and ending its request context would end the next one's, identity included (a
     * batch's second request then answered UNAUTHENTICATED, one batch in twenty to thirty).
     */
    private void run(RoutingContext ctx, String media, List<io.vertx.core.json.JsonObject> requests, boolean get,
            boolean batch) {
        List<Answer> answers = new ArrayList<>();
        io.vertx.core.Context vertx = ctx.vertx().getOrCreateContext();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (answers.size() == requests.size()) {
                respond(ctx, media, answers, batch);
                return;
            }
            execute(ctx, requests.get(answers.size()), get, answer -> {
                answers.add(answer);
                if (answers.size() == requests.size()) {
                    respond(ctx, media, answers, batch);
                } else {
                    vertx.runOnContext(ignored -> next[0].run());
                }
            });
        };
        next[0].run();
    }

    private void execute(RoutingContext ctx, io.vertx.core.json.JsonObject request, boolean get,
            java.util.function.Consumer<Answer> then) {
        String query = request.getString("query");
        String operationName = request.getString("operationName");
        try {
            String type = documents.check(query).typeOf(operationName);
            if ("subscription".equals(type)) {
                throw new BadRequest(400, "query", "A subscription runs over WebSocket on /graphql (the "
                        + GraphQLWebSocket.PROTOCOL + " protocol), not over HTTP");
            }
            if (get && type != null && !type.equals("query")) {
                ctx.response().putHeader("Allow", "POST");
                throw new BadRequest(405, "query", "A " + type + " cannot run over GET: send it with POST");
            }
            io.vertx.core.json.JsonObject variables = request.getJsonObject("variables");
            GraphQLDocuments.refuseNulInVariables(variables == null ? null : variables.getMap());
        } catch (GraphQLDocuments.Refused e) {
            then.accept(new Answer(errorBody(e.code, e.field, e.getMessage()), true));
            return;
        }
        engine(ctx, request, response -> then.accept(new Answer(response.getExecutionResultAsString(),
                !response.getExecutionResult().isDataPresent())));
    }

    /**
     * SmallRye's engine, set up as SmallRye's own HTTP handler sets it up: the request context
     * active (and handed to the fetchers, which run on worker threads), the caller's identity, the
     * current request; the context ends with the response.
     */
    private void engine(RoutingContext ctx, io.vertx.core.json.JsonObject request,
            java.util.function.Consumer<ExecutionResponse> then) {
        if (ctx.response().closed()) {
            return;
        }
        engine(ctx, ((QuarkusHttpUser) ctx.user()).getSecurityIdentity(), request, (response, end) -> {
            end.run();
            then.accept(response);
        }, ctx::fail);
    }

    /**
     * The same for a caller known otherwise (GraphQL over WebSocket: identified in connection_init).
     * {@code then} gets the response and what ends the request context: a subscription keeps it
     * (its events are fetched in it) until the subscription ends.
     */
    void engine(RoutingContext ctx, SecurityIdentity identity, io.vertx.core.json.JsonObject request,
            java.util.function.BiConsumer<ExecutionResponse, Runnable> then, java.util.function.Consumer<Throwable> failed) {
        // a request context per request of a batch, as if each came alone: its own persistence
        // context, so a later request of the batch never reads what an earlier one loaded
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        InjectableContext.ContextState state = requestContext.getState();
        try {
            identities.setIdentity(identity);
            currentRequest.setCurrent(ctx);
            Map<String, Object> metadata = new ConcurrentHashMap<>();
            metadata.put("runBlocking", false);
            metadata.put("httpHeaders", headers(ctx));
            metadata.put("state", requestContext.getState());
            JsonObject input = JSON_P.createReader(new StringReader(request.encode())).readObject();
            engine().executeAsync(input, metadata, new ExecutionResponseWriter() {
                @Override
                public void write(ExecutionResponse response) {
                    java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
                    Runnable end = () -> {
                        if (ended.compareAndSet(false, true)) {
                            requestContext.destroy(state);
                        }
                    };
                    try {
                        then.accept(response, end);
                    } catch (RuntimeException e) {
                        end.run();
                        failed.accept(e);
                    }
                }

                @Override
                public void fail(Throwable t) {
                    requestContext.destroy(state);
                    failed.accept(t);
                }
            });
        } finally {
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            requestContext.deactivate();
        }
    }

    private ExecutionService engine() {
        if (engine == null) {
            engine = Arc.container().instance(ExecutionService.class).get();
        }
        return engine;
    }

    private static Map<String, List<String>> headers(RoutingContext ctx) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        for (String name : ctx.request().headers().names()) {
            headers.put(name, ctx.request().headers().getAll(name));
        }
        return headers;
    }

    // --- Answers

    private static void respond(RoutingContext ctx, String media, List<Answer> answers, boolean batch) {
        String body = batch ? "[" + String.join(",", answers.stream().map(Answer::json).toList()) + "]" : answers.get(0).json();
        int status = !batch && answers.get(0).requestError() && media.equals(GRAPHQL_RESPONSE) ? 400 : 200;
        send(ctx, media, status, body);
    }

    private static void writeError(RoutingContext ctx, String media, int status, ErrorCode code, String field, String message) {
        send(ctx, media, status, errorBody(code, field, message));
    }

    /** {"errors":[{"message":…,"extensions":{"code":…,"field":…}}]}: no data, since nothing ran. */
    static String errorBody(ErrorCode code, String field, String message) {
        return errorBody(code, field, Map.of(), message);
    }

    /** {@link #errorBody(ErrorCode, String, String)} with more extension fields (a refused file's reason). */
    static String errorBody(ErrorCode code, String field, Map<String, String> more, String message) {
        io.vertx.core.json.JsonObject extensions = new io.vertx.core.json.JsonObject().put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        more.forEach(extensions::put);
        return new io.vertx.core.json.JsonObject()
                .put("errors", new JsonArray().add(new io.vertx.core.json.JsonObject().put("message", message)
                        .put("extensions", extensions)))
                .encode();
    }

    private static void send(RoutingContext ctx, String media, int status, String body) {
        // answers depend on the caller and on Accept: no shared cache may keep them
        ctx.response().setStatusCode(status).putHeader("Content-Type", media + "; charset=utf-8")
                .putHeader("Cache-Control", "private, no-store").putHeader("Vary", "Accept, Authorization")
                .end(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
    }
}
