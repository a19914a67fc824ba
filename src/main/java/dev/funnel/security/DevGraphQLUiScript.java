package dev.funnel.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.ext.web.Router;

/**
 * Dev mode only: two fixes to the GraphQL UI's page script (SmallRye's GraphiQL render.js, served
 * by Quarkus at /q/graphql-ui), put around it by this route:
 * <ul>
 * <li>the headers, a bearer token, stay out of the page URL: the script copies the query, the
 * variables and the headers into the address bar on every edit, so a token pasted or changed in
 * the Headers tab would land in the browser history (the query and variables still go there);</li>
 * <li>one Content-Type per request: the script's default headers repeat the one GraphiQL's fetcher
 * sets, which the browser joins into {@code application/json, application/json}, a media type
 * /graphql refuses. The page's fetch merges header names that differ only in case, before the
 * script runs (its first schema request leaves at once).</li>
 * </ul>
 * The script is read once from the server itself, as Quarkus serves it (with its own paths filled
 * in); if SmallRye's script changes its names, the appendix does nothing.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevGraphQLUiScript {

    static final String PATH = DevTokens.UI_PATH + "render.js";

    /** Asks this route to pass the request on to the UI's own file. */
    private static final String ORIGINAL = "X-Funnel-Original-Script";

    static final String PREFIX = """
            // Funnel dev mode (DevGraphQLUiScript): one header per name, whatever its case, in every fetch
            (function () {
            	const send = window.fetch;
            	window.fetch = function (input, init) {
            		if (init && init.headers && !(init.headers instanceof Headers) && !Array.isArray(init.headers)) {
            			const headers = {};
            			Object.entries(init.headers).forEach(([name, value]) => { headers[name.toLowerCase()] = value; });
            			init = Object.assign({}, init, { headers: headers });
            		}
            		return send.call(this, input, init);
            	};
            })();

            """;

    static final String APPENDIX = """

            // Funnel dev mode (DevGraphQLUiScript): the headers, a bearer token, never go into the page URL
            if (typeof updateURL === 'function' && typeof parameters === 'object') {
            	const writeURL = updateURL;
            	updateURL = function () {
            		const headers = parameters.headers;
            		delete parameters.headers;
            		writeURL();
            		if (headers !== undefined) {
            			parameters.headers = headers;
            		}
            	};
            }
            """;

    private volatile String patched;

    void routes(@Observes Router router) {
        router.get(PATH).order(-100).handler(ctx -> {
            if (ctx.request().getHeader(ORIGINAL) != null) {
                ctx.next();
                return;
            }
            int port = ctx.request().localAddress().port();
            ctx.vertx().<String>executeBlocking(() -> script(port)).onComplete(result -> {
                if (result.failed()) {
                    ctx.fail(result.cause());
                } else {
                    ctx.response().putHeader("Content-Type", "application/javascript; charset=utf-8")
                            .putHeader("Cache-Control", "no-store").end(result.result());
                }
            });
        });
    }

    private String script(int port) throws Exception {
        if (patched == null) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                    .header(ORIGINAL, "1").timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> original = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (original.statusCode() != 200) {
                throw new IllegalStateException("The GraphQL UI's " + PATH + " answered " + original.statusCode());
            }
            patched = PREFIX + original.body() + APPENDIX;
        }
        return patched;
    }
}
