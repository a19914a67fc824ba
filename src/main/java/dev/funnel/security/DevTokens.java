package dev.funnel.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Dev mode only: {@code GET /dev/token?user=alice} (or {@code POST /dev/token} with a form field
 * {@code user}) answers a signed bearer token for a demo user, so the API can be tried without an
 * OIDC provider. {@code GET /dev} is a page listing the demo users, with one button each that
 * fetches a token and opens the GraphQL UI with it in the UI's headers (see {@link #PAGE}). The key
 * is dev/dev-signing-key.pem, whose public half is {@code %dev.quarkus.oidc.public-key}. This bean
 * does not exist outside dev mode.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevTokens {

    private static final Logger LOG = Logger.getLogger(DevTokens.class);

    /** Demo users, in the README's order: roles, then teams. The demo data (db/demo) fills teams red and blue. */
    static final Map<String, List<List<String>>> USERS = new LinkedHashMap<>();
    static {
        USERS.put("alice", List.of(List.of(Role.SALES), List.of("red")));
        USERS.put("bob", List.of(List.of(Role.SALES), List.of("blue")));
        USERS.put("carol", List.of(List.of(Role.MANAGER), List.of("red", "blue")));
        USERS.put("billy", List.of(List.of(Role.BILLING), List.of("red")));
        USERS.put("bella", List.of(List.of(Role.BILLING), List.of("blue")));
        USERS.put("root", List.of(List.of(Role.ADMIN), List.of()));
    }

    /**
     * The page behind {@code GET /dev}. A button POSTs to /dev/token and writes the answer where the
     * GraphQL UI (SmallRye's GraphiQL 3) reads its first tab's headers when it starts: localStorage
     * {@code graphiql:headers}, with {@code graphiql:tabState} removed (saved tabs would win over it)
     * and a first query in {@code graphiql:query}. The UI is then opened without any query string:
     * the token never appears in a URL. Quarkus has no option to preset the UI's headers.
     */
    static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Funnel: demo users</title>
            <style>
              body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 46rem; color: #222; }
              table { border-collapse: collapse; width: 100%; } td, th { padding: .4rem .6rem; border-bottom: 1px solid #ddd; text-align: left; }
              button { padding: .3rem .9rem; cursor: pointer; } code { background: #f3f3f3; padding: 0 .2rem; }
              #status { color: #a00; min-height: 1.5rem; }
            </style></head>
            <body>
            <h1>Funnel dev mode: demo users</h1>
            <p>Pick a user: its token goes into the GraphQL UI's <b>Headers</b> tab as
            <code>{"Authorization": "Bearer …"}</code> (kept in this browser's local storage, never in a URL),
            then the UI opens. Tokens last 8 hours; come back here for a new one.</p>
            <table><thead><tr><th>user</th><th>roles</th><th>teams</th><th></th></tr></thead><tbody>
            {{ROWS}}
            </tbody></table>
            <p id="status"></p>
            <p>From a shell: <code id="curl">curl -s 'http://localhost:8080/dev/token?user=alice'</code>.
            The UI itself: <a href="{{UI}}">{{UI}}</a> (paste the header in its Headers tab).</p>
            <script>
            const FIRST_QUERY = `# Signed in as USER. Run with the ▶ button (or Ctrl-Enter); Docs (top left) shows the schema.
            {
              me { name roles teams { code } }
              contacts(first: 10, orderBy: {field: LAST_INTERACTION_AT}) {
                totalCount
                edges { node { displayName stage temperature lastInteractionAt } }
              }
            }
            `;
            async function useToken(user) {
              const status = document.getElementById('status');
              status.textContent = '';
              try {
                const answer = await fetch('/dev/token', { method: 'POST', body: new URLSearchParams({ user }) });
                const token = (await answer.text()).trim();
                if (!answer.ok) { throw new Error(token); }
                localStorage.setItem('graphiql:headers', JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2));
                localStorage.removeItem('graphiql:tabState');
                localStorage.setItem('graphiql:query', FIRST_QUERY.replace('USER', user));
                location.assign('{{UI}}');
              } catch (e) {
                status.textContent = 'No token for ' + user + ': ' + e.message;
              }
            }
            document.getElementById('curl').textContent = `curl -s '${location.origin}/dev/token?user=alice'`;
            document.querySelectorAll('button[data-user]').forEach(b => b.addEventListener('click', () => useToken(b.dataset.user)));
            </script>
            </body></html>
            """;

    /** Where Quarkus serves the GraphQL UI in dev mode (quarkus.smallrye-graphql.ui.root-path, under /q). */
    static final String UI_PATH = "/q/graphql-ui/";

    @ConfigProperty(name = "funnel.dev.signing-key")
    String keyPath;

    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    String issuer;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    void routes(@Observes Router router) {
        router.get("/dev/token").handler(ctx -> token(ctx, ctx.request().getParam("user", "alice")));
        router.post("/dev/token").handler(BodyHandler.create().setBodyLimit(1024))
                .handler(ctx -> token(ctx, ctx.request().getFormAttribute("user")));
        router.get("/dev").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(page()));
    }

    void announce(@Observes StartupEvent start) {
        LOG.infof("Demo users: http://localhost:%d/dev gets one's token into the GraphQL UI", port);
    }

    private void token(RoutingContext ctx, String user) {
        List<List<String>> grants = user == null ? null : USERS.get(user);
        if (grants == null) {
            ctx.response().setStatusCode(404).end("Unknown demo user; one of " + USERS.keySet() + "\n");
            return;
        }
        try {
            ctx.response().putHeader("Content-Type", "text/plain").putHeader("Cache-Control", "no-store")
                    .end(sign(user, grants.get(0), grants.get(1)) + "\n");
        } catch (Exception e) {
            ctx.fail(e);
        }
    }

    /** {@link #PAGE} with a row per demo user (fixed names: nothing to escape). */
    static String page() {
        String rows = USERS.entrySet().stream()
                .map(u -> "<tr><td><b>" + u.getKey() + "</b></td><td>" + String.join(", ", u.getValue().get(0))
                        + "</td><td>" + (u.getValue().get(1).isEmpty() ? "every team" : String.join(", ", u.getValue().get(1)))
                        + "</td><td><button data-user=\"" + u.getKey() + "\">Open the GraphQL UI as " + u.getKey()
                        + "</button></td></tr>")
                .collect(Collectors.joining("\n"));
        return PAGE.replace("{{ROWS}}", rows).replace("{{UI}}", UI_PATH);
    }

    private String sign(String user, List<String> roles, List<String> teams) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + user + "\",\"preferred_username\":\"" + user
                + "\",\"groups\":" + json(roles) + ",\"teams\":" + json(teams) + ",\"iat\":" + now + ",\"exp\":"
                + (now + 8 * 3600) + "}";
        String unsigned = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        String pem = Files.readString(Path.of(keyPath)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(unsigned.getBytes(StandardCharsets.US_ASCII));
        return unsigned + "." + b64(rs256.sign());
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
