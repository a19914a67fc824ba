package dev.funnel.security;

import static dev.funnel.support.Errors.assertError;
import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static dev.funnel.support.Fixtures.interact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Contacts;
import dev.funnel.support.Db;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The second line alone: with the application's team filter switched off (every query asks for
 * every team), PostgreSQL's row-level security still shows a caller nothing of another team.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class RowLevelSecurityTest {

    /** The switch: when set, every query filters on these team ids instead of the caller's. */
    @ApplicationScoped
    public static class AppFilterOff implements AppFilterOverride {
        static volatile List<Long> allTeams;

        @Override
        public Optional<List<Long>> teamIds() {
            return Optional.ofNullable(allTeams);
        }
    }

    private String red;
    private String blue;
    private String redContact;
    private String blueContact;
    private String blueQuote;
    private String blueInvoice;

    @BeforeEach
    void twoTeamsWithEverything() {
        red = aTeam();
        blue = aTeam();
        redContact = aContact().inTeam(red).named("Red").source("REFERRAL").atStage("PROSPECT");
        blueContact = aContact().inTeam(blue).named("Blue").source("REFERRAL").atStage("PROSPECT");
        Quotes.convert(Tokens.billing(red), Quotes.aSentQuote(red, redContact), "red-" + red);
        blueQuote = Quotes.aSentQuote(blue, blueContact);
        blueInvoice = Quotes.convert(Tokens.billing(blue), Quotes.aSentQuote(blue, blueContact), "blue-" + blue)
                .getString("data.convertQuote.invoice.id");
        interact(blue, blueContact, "EMAIL", "OUTBOUND");
        AppFilterOff.allTeams = ids("select id from team");
    }

    @AfterEach
    void filterBackOn() {
        AppFilterOff.allTeams = null;
    }

    @Test
    void listsAndCountsShowOnlyTheCallersTeam() {
        JsonPath r = Api.ok(Tokens.sales(red), """
                { contacts { totalCount edges { node { displayName team { code }
                    interactions { totalCount } stageHistory { to } quotes { totalCount } } } }
                  followUps { totalCount }
                  quotes { totalCount edges { node { team { code } lines { description } } } }
                  invoices { totalCount edges { node { team { code } lines { description } } } } }""");
        assertEquals(List.of("Red"), r.getList("data.contacts.edges.node.displayName"));
        assertEquals(1, r.getInt("data.contacts.totalCount"));
        assertEquals(1, r.getInt("data.quotes.totalCount"));
        assertEquals(1, r.getInt("data.invoices.totalCount"));
        assertEquals(List.of(red), r.getList("data.quotes.edges.node.team.code"));
        assertEquals(List.of(red), r.getList("data.invoices.edges.node.team.code"));
        assertEquals(List.of(2), r.getList("data.contacts.edges.node.interactions.totalCount"));
    }

    @Test
    void byIdAndByMutationAnotherTeamStaysUnknown() {
        String token = Tokens.sales(red);
        assertNull(Api.ok(token, "query($id: ID!) { contact(id: $id) { id } }", "id", blueContact).get("data.contact"));
        assertNull(Api.ok(token, "query($id: ID!) { quote(id: $id) { id } }", "id", blueQuote).get("data.quote"));
        assertNull(Api.ok(Tokens.billing(red), "query($id: ID!) { invoice(id: $id) { id } }", "id", blueInvoice).get("data.invoice"));
        assertError(Contacts.move(token, "qualifyContact", blueContact), "NOT_FOUND", null);
        assertError(Quotes.move(token, "declineQuote", blueQuote), "NOT_FOUND", null);
        assertError(Quotes.convert(Tokens.billing(red), blueQuote, "steal"), "NOT_FOUND", null);
        assertError(Api.call(token, "mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { id } }",
                "i", Map.of("contactId", blueContact, "channel", "EMAIL", "direction", "INBOUND")), "NOT_FOUND", null);
        assertEquals("SENT", Quotes.get(Tokens.sales(blue), blueQuote).getString("data.quote.status"));
    }

    @Test
    void pooledConnectionsDoNotCarryOneCallersTeamsToTheNext() {
        for (int i = 0; i < 30; i++) {
            String team = i % 2 == 0 ? red : blue;
            JsonPath r = Api.ok(Tokens.sales(team), "{ contacts { edges { node { team { code } } } } }");
            assertEquals(List.of(team), r.getList("data.contacts.edges.node.team.code"), "request " + i);
        }
    }

    @Test
    void everyTeamOwnedTableHidesOtherTeamsFromTheServiceRole() {
        long blueId = ids("select id from team where code = '" + blue + "'").get(0);
        for (String table : List.of("contact", "interaction", "stage_change", "quote", "quote_line", "invoice",
                "invoice_line", "idempotency_key", "team_counter")) {
            assertEquals(0, countAsService(red, table, blueId), table + " seen from another team");
            assertTrue(countAsService(blue, table, blueId) > 0, table + " hidden from its own team");
        }
        assertEquals(0, countAsService(red, "team", blueId));
    }

    @Test
    void theSwitchIsRealWithoutRowLevelSecurityTheFilterIsAllThatIsLeft() {
        Db.execute("alter table contact disable row level security");
        try {
            List<String> seen = Api.ok(Tokens.sales(red), "{ contacts { edges { node { displayName } } } }")
                    .getList("data.contacts.edges.node.displayName");
            assertTrue(seen.contains("Blue"), "with both lines off another team leaks, so the tests above prove RLS: " + seen);
        } finally {
            Db.execute("alter table contact enable row level security");
        }
    }

    /** Rows of {@code teamId} in a table, as the service's role sees them for a caller of {@code team}. */
    private static long countAsService(String team, String table, long teamId) {
        String column = table.equals("team") ? "id" : "team_id";
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            em.createNativeQuery("select set_config('role', 'funnel_app', true), set_config('funnel.team_codes', ?1, true),"
                    + " set_config('funnel.all_teams', 'off', true)").setParameter(1, team).getSingleResult();
            return ((Number) em.createNativeQuery("select count(*) from " + table + " where " + column + " = " + teamId)
                    .getSingleResult()).longValue();
        });
    }

    private static List<Long> ids(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            @SuppressWarnings("unchecked")
            List<Number> rows = em.createNativeQuery(sql).getResultList();
            return rows.stream().map(Number::longValue).toList();
        });
    }
}
