package dev.funnel.graphql;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.funnel.common.ErrorCode;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request refused by HTTP security (a garbled, expired or badly signed token) leaves with a body
 * in the error shape of README "Errors", not an empty one: 401 with {@code UNAUTHENTICATED} and the
 * bearer challenge, or 403 with {@code FORBIDDEN}. A request without a token reaches
 * {@link GraphQLEndpoint}, which answers it the same way.
 */
@ApplicationScoped
public class Unauthenticated {

    static final String MESSAGE = "Authentication required: send a valid, unexpired bearer token (Authorization: Bearer <token>)";

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().ended()) {
            return;
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            send(ctx, 401, ErrorCode.UNAUTHENTICATED, MESSAGE);
        } else if (failure instanceof ForbiddenException) {
            send(ctx, 403, ErrorCode.FORBIDDEN, "Your roles do not allow this request");
        } else {
            ctx.next();
        }
    }

    private static void send(RoutingContext ctx, int status, ErrorCode code, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Buffer.buffer(GraphQLEndpoint.errorBody(code, null, message).getBytes(StandardCharsets.UTF_8)));
    }
}
