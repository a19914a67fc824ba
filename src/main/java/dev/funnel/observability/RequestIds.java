package dev.funnel.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it sends a sane one (a load
 * balancer or a front end tracing its calls), else a new one. It is put in the logging context
 * ({@code requestId} in the JSON logs of every line of that request) and sent back in the response.
 */
@ApplicationScoped
public class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(ctx -> {
            String id = ctx.request().getHeader(HEADER);
            if (id == null || !SANE.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
            }
            MDC.put("requestId", id);
            ctx.response().putHeader(HEADER, id);
            ctx.addEndHandler(done -> MDC.remove("requestId"));
            ctx.next();
        });
    }
}
