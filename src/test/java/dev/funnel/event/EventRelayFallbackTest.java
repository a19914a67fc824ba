package dev.funnel.event;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import dev.funnel.common.Ids;
import dev.funnel.support.Api;
import dev.funnel.support.Await;
import dev.funnel.support.Db;
import dev.funnel.support.LogCapture;
import dev.funnel.support.Receiver;
import dev.funnel.support.Tokens;
import dev.funnel.webhook.WebhooksTest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * While another transaction holds the numbering lock (another instance's relay, a contact import's
 * batch: docs/events.md, "Numbering"), committed events stay unnumbered and unseen; once it is
 * released the relay numbers them, next in the team's sequence, and their webhooks are delivered.
 * JVM only: it holds the lock on a connection of the application's own pool.
 *
 * <p>Held back, events also keep the row version their change wrote (numbering rewrites it), which
 * shows that they were written by the change's own transaction.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class EventRelayFallbackTest {

    static List<Map<String, Object>> log(String team) {
        return Api.ok(Tokens.manager(team), "query($t: String) { events(filter: {team: $t}, first: 100) { edges { node { id typeName sequence subjectId } } } }",
                "t", team).getList("data.events.edges.node");
    }

    static long unnumbered(String team) {
        return Db.count("select count(*) from event e join team t on t.id = e.team_id where t.code = '" + team + "' and e.position is null");
    }

    static void lock(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, EventRelay.NUMBERING_LOCK);
            s.execute();
        }
    }

    @Test
    void aChangesEventsAreWrittenByItsOwnTransactionWhichLeavesNoConnectionOpen() throws Exception {
        String team = aTeam();
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        try (LogCapture pool = LogCapture.of("io.agroal.pool", Level.WARNING)) {
            try (Connection holder = db.getConnection()) {
                lock(holder, "select pg_advisory_lock(?)");
                try {
                    String contact = aContact().inTeam(team).create();
                    // the rows a transaction wrote carry its id (xmin): the contact's and its events' are the same
                    String same = "select count(*) from event e, contact c where c.id = " + Ids.decode("Contact", contact)
                            + " and e.subject_id = '" + contact + "' and e.xmin = c.xmin";
                    long events = Db.count("select count(*) from event where subject_id = '" + contact + "'");
                    assertEquals(true, events > 0, "the change's events are written");
                    assertEquals(events, Db.count(same), "every event of the change written by the change's transaction");
                } finally {
                    // a connection back in the pool must not keep the lock, or nothing more would be numbered
                    lock(holder, "select pg_advisory_unlock(?)");
                }
            }
            assertEquals(List.of(), pool.records(), "the pool closed no connection left open at commit");
        }
    }

    @Test
    void eventsCommittedUnnumberedAreNumberedByTheRelayOnceTheLockIsFree() throws Exception {
        String team = aTeam();
        try (Receiver receiver = new Receiver()) {
            WebhooksTest.endpoint(team, receiver.url(), "CONTACT_CREATED");
            aContact().inTeam(team).create();
            // contact.created and its first stage, numbered by the relay
            int numbered = Await.until(() -> log(team).size(), n -> n > 0 && unnumbered(team) == 0,
                    Duration.ofSeconds(20), "the first contact's events numbered");
            AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
            String held;
            try (Connection holder = db.getConnection()) {
                lock(holder, "select pg_advisory_lock(?)");
                try {
                    held = aContact().inTeam(team).create();
                    Await.holds(() -> log(team).size(), n -> n == numbered, Duration.ofMillis(1500),
                            "nothing numbered while the lock is held");
                    assertEquals(numbered, unnumbered(team));
                } finally {
                    lock(holder, "select pg_advisory_unlock(?)");
                }
            }
            List<Map<String, Object>> log = Await.until(() -> log(team), l -> l.size() == 2 * numbered,
                    Duration.ofSeconds(20), "the relay numbering the held-back events");
            for (int i = 0; i < log.size(); i++) {
                assertEquals(i + 1, log.get(i).get("sequence"), "the team's sequence, without a gap");
            }
            assertEquals(held, log.get(log.size() - 1).get("subjectId"));
            receiver.await(ds -> ds.stream().filter(d -> d.status() / 100 == 2).count() == 2, Duration.ofSeconds(20));
        }
    }
}
