package dev.funnel.graphql;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * SmallRye GraphQL answers a document that does not parse before graphql-java runs, so
 * {@link ErrorMapping} never sees it and the error would leave without a code. This route runs
 * after authentication and before the GraphQL endpoint, and answers such a document itself with
 * {@code VALIDATION} and the parser's own words. Anything else goes on untouched.
 */
@ApplicationScoped
public class UnparseableDocuments {

    /**
     * Before the GraphQL route, which Quarkus registers without an order (so at 0 and up); the
     * HTTP security handlers run at lower orders still, so a caller without a token gets its 401 first.
     */
    private static final int ORDER = -1;

    /** Documents seen to parse (up to 4,000 characters: 8 MB at most), so the same document is parsed here once. */
    private static final int KNOWN_MAX = 2048;
    private static final int KNOWN_MAX_LENGTH = 4_000;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    void routes(@Observes Router router) {
        router.post("/graphql").order(ORDER).handler(BodyHandler.create().setBodyLimit(10L * 1024 * 1024))
                .handler(ctx -> {
                    String query = queryOf(ctx.body() == null ? null : ctx.body().asString());
                    if (query != null && !known.contains(query)) {
                        try {
                            Parser.parse(query);
                            if (query.length() <= KNOWN_MAX_LENGTH) {
                                if (known.size() >= KNOWN_MAX) {
                                    known.clear();
                                }
                                known.add(query);
                            }
                        } catch (InvalidSyntaxException e) {
                            JsonObject error = new JsonObject().put("message", "Invalid GraphQL document: " + e.getMessage())
                                    .put("extensions", new JsonObject().put("code", "VALIDATION").put("field", "query"));
                            ctx.response().putHeader("Content-Type", "application/graphql-response+json; charset=UTF-8")
                                    .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
                            return;
                        }
                    }
                    ctx.next();
                });
    }

    private static String queryOf(String body) {
        if (body == null || body.isBlank() || body.strip().charAt(0) != '{') {
            return null;
        }
        try {
            Object query = new JsonObject(body).getValue("query");
            return query instanceof String s ? s : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
