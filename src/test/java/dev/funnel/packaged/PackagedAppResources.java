package dev.funnel.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What the packaged application (jar, or native binary) needs to run in production mode during
 * the ...IT tests: a PostgreSQL server (started here from the same zonky binaries as dev mode,
 * since the package holds no embedded database) and the WireMock OIDC server.
 */
public class PackagedAppResources implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private final OidcWiremockTestResource oidc = new OidcWiremockTestResource();

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(oidc.start());
        config.put("quarkus.oidc.auth-server-url", config.get("keycloak.url") + "/realms/quarkus/");
        config.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        // as an operator would set it (README, Configuration): ObservabilityIT checks a preflight from it
        config.put("quarkus.http.cors.origins", "https://app.example.com");
        // webhooks go to receivers the tests start on this machine, and retry within seconds
        config.put("funnel.events.webhooks.allow-private-destinations", "true");
        config.put("funnel.events.webhooks.retry-delays", "1s,1s,1s");
        config.put("funnel.events.webhooks.timeout", "2s");
        config.put("funnel.events.webhooks.claim-lease", "3s");
        config.put("funnel.events.poll-interval", "200ms");
        return config;
    }

    @Override
    public void stop() {
        oidc.stop();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
