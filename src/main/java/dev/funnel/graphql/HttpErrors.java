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
 * A request refused before the application sees it leaves with a body in the error shape of
 * README "Errors", not an empty one: by HTTP security (a garbled, expired or badly signed token)
 * with 401, {@code UNAUTHENTICATED} and the bearer challenge, or 403 and {@code FORBIDDEN}; by
 * Vert.x (a query string or a form body that does not decode, a body over the size limit) with
 * its 4xx and {@code BAD_REQUEST} or {@code LIMIT_EXCEEDED}. A request without a token reaches
 * {@link GraphQLEndpoint}, which answers it the same way. The first failure handler of all routes.
 */
@ApplicationScoped
public class HttpErrors {

    public static final String MESSAGE = "Authentication required: send a valid, unexpired bearer token (Authorization: Bearer <token>)";

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
        } else if (status(ctx) == 413) {
            send(ctx, 413, ErrorCode.LIMIT_EXCEEDED, "The request body is too large");
        } else if (status(ctx) >= 400 && status(ctx) < 500) {
            send(ctx, status(ctx), ErrorCode.BAD_REQUEST,
                    "The request is malformed (its query string or body does not decode): send a JSON body or URL-encoded parameters");
        } else {
            ctx.next();
        }
    }

    private static int status(RoutingContext ctx) {
        return ctx.failure() instanceof io.vertx.ext.web.handler.HttpException h ? h.getStatusCode() : ctx.statusCode();
    }

    private static void send(RoutingContext ctx, int status, ErrorCode code, String message) {
        send(ctx, status, code, null, java.util.Map.of(), message);
    }

    /** An error in the shape of README "Errors", for routes beside /graphql (file transfer); nothing once the response ended. */
    public static void send(RoutingContext ctx, int status, ErrorCode code, String field, java.util.Map<String, String> more,
            String message) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Buffer.buffer(GraphQLEndpoint.errorBody(code, field, more, message).getBytes(StandardCharsets.UTF_8)));
    }
}
