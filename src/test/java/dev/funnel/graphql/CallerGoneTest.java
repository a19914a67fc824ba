package dev.funnel.graphql;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import dev.funnel.common.Ids;
import dev.funnel.support.Await;
import dev.funnel.support.Db;
import dev.funnel.support.LogCapture;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/**
 * A caller that hangs up while its mutation runs (a billing system's client timeout, a proxy that
 * gave up): the mutation runs to its end as if the caller were still there, logs no error, and the
 * caller's retry with the same idempotency key learns what it did. JVM only: it holds a quote's row
 * lock on a connection of the application's own pool, so that the conversion is still running when
 * the caller leaves.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class CallerGoneTest {

    @Test
    void aConversionWhoseCallerHangsUpRunsToItsEndAndItsRetryIsAReplay() throws Exception {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        String quote = Quotes.aSentQuote(team, contact);
        String token = Tokens.billing(team);
        String key = UUID.randomUUID().toString();
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        try (LogCapture errors = LogCapture.of("", Level.SEVERE)) {
            converted(db, quote, token, key);
            assertEquals(List.of(), errors.records(), "nothing logged as an error");
        }
    }

    /** Converts the quote with a caller that hangs up while the conversion waits for the quote's lock; then retries. */
    private static void converted(AgroalDataSource db, String quote, String token, String key) throws Exception {
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement s = holder.prepareStatement("select set_config('funnel.all_teams', 'on', true)")) {
                s.execute();
            }
            try (PreparedStatement s = holder.prepareStatement("select id from quote where id = ? for update")) {
                s.setLong(1, Ids.decode("Quote", quote));
                s.execute();
            }
            try {
                String body = new JsonObject().put("query", """
                        mutation($i: ConvertQuoteInput!) { convertQuote(input: $i) { replayed invoice { id } } }""")
                        .put("variables", new JsonObject().put("i", new JsonObject().put("quoteId", quote).put("idempotencyKey", key)))
                        .encode();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                int port;
                try (Socket socket = new Socket("localhost", RestAssured.port)) {
                    port = socket.getLocalPort();
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(bytes);
                    out.flush();
                    // the conversion waits for the quote's lock: it has begun, in its transaction
                    Await.until(() -> Db.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and query like '%quote%for%update%'"), n -> n == 1, Duration.ofSeconds(10),
                            "the conversion waiting for the quote's lock");
                }
                // the caller is gone: the server has seen it once it closed its own side of the
                // connection, which leaves the caller's side in TIME_WAIT, before the lock is released
                Await.until(() -> tcpState(port), state -> state.equals("06"), Duration.ofSeconds(10),
                        "the server closing the connection its caller left");
            } finally {
                holder.rollback();
                holder.setAutoCommit(true);
            }
        }
        Await.until(() -> Db.count("select count(*) from invoice where quote_id = " + Ids.decode("Quote", quote)),
                n -> n == 1, Duration.ofSeconds(10), "the conversion committed although its caller left");
        JsonPath retry = Quotes.convert(token, quote, key);
        assertEquals(true, retry.getBoolean("data.convertQuote.replayed"), retry.prettify());
        assertEquals("CLIENT", retry.getString("data.convertQuote.contact.stage"));
    }

    /** The state (hex, as in /proc/net/tcp: 05 FIN_WAIT2, 06 TIME_WAIT) of this machine's TCP socket on local port {@code port}; "" if none. */
    private static String tcpState(int port) {
        String local = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (String line : lines) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[1].endsWith(local)) {
                    return fields[3];
                }
            }
        }
        return "";
    }
}
