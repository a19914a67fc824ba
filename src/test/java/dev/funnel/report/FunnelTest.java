package dev.funnel.report;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static dev.funnel.support.Fixtures.interact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.funnel.common.Ids;
import dev.funnel.support.Api;
import dev.funnel.support.Db;
import dev.funnel.support.Errors;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The funnel over a history small enough to compute by hand (docs/funnel.md, "The funnel"): nine
 * contacts walked through the API, then their stage changes dated in January 2026. Every number
 * asserted below is derived in the comments from the table in {@link #history()}.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class FunnelTest {

    private static final String STAGE = """
            stage entered { count } advanced { count } lost { count } wentBack { count } stillThere { count }
            nextStepRate cumulativeRate medianDays p90Days""";
    private static final String FUNNEL = """
            query($t: String!, $c: FunnelCohort, $g: FunnelGrouping) {
              funnel(team: $t, from: "2026-01-01", to: "2026-01-31", cohort: $c, groupBy: $g) {
                team from to cohort groupBy
                total { key label contacts stages { %s } leads { mql accepted rejected undecided acceptanceRate medianHours p90Hours } }
                groups { key label contacts stages { %s } }
              } }""".formatted(STAGE, STAGE);

    private String team;
    private final Map<String, String> ids = new java.util.LinkedHashMap<>();

    /**
     * Day of January 2026 of each stage change, in order (→S: entered the funnel; L, P, C, DQ; "acc" a
     * lead accepted by sales, "rej" rejected back to nurture; G is reopened from DQ back to S):
     *
     * <pre>
     *   A  REFERRAL  →S 1, L 2, P 4, C 10
     *   B  REFERRAL  →S 1, L 3, P 6
     *   C  REFERRAL  →S 2, L 4, DQ 6
     *   D  LIST      →S 2, L 3, acc 4
     *   E  LIST      →S 3, L 4, rej→S 6
     *   F  LIST      →S 5
     *   G  LIST      →S 5, DQ 7, reopen→S 8, L 9
     *   H  LIST      →S February 2 (outside the period)
     *   I  LIST      →S December 30 2025, L January 5 (created before the period; active in it)
     * </pre>
     */
    @BeforeEach
    void history() {
        team = aTeam();
        String sales = Tokens.sales(team);
        String a = contact("A", "REFERRAL");
        qualify(a);
        prospect(a);
        Quotes.convert(Tokens.billing(team), Quotes.aSentQuote(team, a), "funnel-" + team);
        dated(a, "2026-01-01", "2026-01-02", "2026-01-04", "2026-01-10");

        String b = contact("B", "REFERRAL");
        qualify(b);
        prospect(b);
        dated(b, "2026-01-01", "2026-01-03", "2026-01-06");

        String c = contact("C", "REFERRAL");
        qualify(c);
        Api.ok(sales, "mutation($id: ID!) { disqualifyContact(id: $id, reason: NO_BUDGET) { stage } }", "id", c);
        dated(c, "2026-01-02", "2026-01-04", "2026-01-06");

        String d = contact("D", "LIST");
        qualify(d);
        Api.ok(sales, "mutation($id: ID!) { acceptLead(id: $id) { leadStatus } }", "id", d);
        dated(d, "2026-01-02", "2026-01-03", "2026-01-04");

        String e = contact("E", "LIST");
        qualify(e);
        Api.ok(sales, "mutation($id: ID!) { rejectLead(id: $id, reason: \"No project this year\") { stage } }", "id", e);
        dated(e, "2026-01-03", "2026-01-04", "2026-01-06");

        String f = contact("F", "LIST");
        dated(f, "2026-01-05");

        String g = contact("G", "LIST");
        Api.ok(sales, "mutation($id: ID!) { disqualifyContact(id: $id, reason: OTHER) { stage } }", "id", g);
        Api.ok(sales, "mutation($id: ID!) { reopenContact(id: $id) { stage } }", "id", g);
        qualify(g);
        dated(g, "2026-01-05", "2026-01-07", "2026-01-08", "2026-01-09");

        String h = contact("H", "LIST");
        dated(h, "2026-02-02");

        String i = contact("I", "LIST");
        qualify(i);
        dated(i, "2025-12-30", "2026-01-05");
    }

    @Test
    void createdInThePeriod() {
        JsonPath f = Api.ok(Tokens.manager(team), FUNNEL, "t", team);
        assertEquals(team, f.getString("data.funnel.team"));
        assertEquals("CREATED", f.getString("data.funnel.cohort"));
        // A to G: H was created in February, I in December
        assertEquals(7, f.getInt("data.funnel.total.contacts"));
        // SUSPECT: all seven entered. Their last stays: A, B, C, D, G (its second) went on to LEAD; E (back from LEAD)
        // and F are still there. Stays that ended: A 1 day, B 2, C 2, D 1, E 1 (its first), G 2 and 1:
        // sorted 1 1 1 1 2 2 2, median 1, 90th percentile at rank 5.4 = 2
        stage(f, 0, "SUSPECT", 7, 5, 0, 0, 2, "0.7143", "1.0000", "1.0000", "2.0000");
        // LEAD: A, B, C, D, E, G entered; A, B went on to PROSPECT, C was lost, E went back, D and G are still
        // leads. Ended stays: A 2 days, B 3, C 2, E 2: median 2, 90th percentile 2 + 0.7 x 1 = 2.7
        stage(f, 1, "LEAD", 6, 2, 1, 1, 2, "0.3333", "0.8571", "2.0000", "2.7000");
        // PROSPECT: A (client after 6 days) and B (still)
        stage(f, 2, "PROSPECT", 2, 1, 0, 0, 1, "0.5000", "0.2857", "6.0000", "6.0000");
        // CLIENT: A, still there; no stay ended
        stage(f, 3, "CLIENT", 1, 0, 0, 0, 1, "0.0000", "0.1429", null, null);
        // MQL: the six leads; D accepted after 24 h, E rejected after 48 h: median 36 h, 90th percentile 24 + 0.9 x 24
        assertEquals(Map.of("mql", 6, "accepted", 1, "rejected", 1, "undecided", 4), Map.of(
                "mql", f.getInt("data.funnel.total.leads.mql"), "accepted", f.getInt("data.funnel.total.leads.accepted"),
                "rejected", f.getInt("data.funnel.total.leads.rejected"), "undecided", f.getInt("data.funnel.total.leads.undecided")));
        assertEquals("0.5000", f.getString("data.funnel.total.leads.acceptanceRate"));
        assertEquals("36.0000", f.getString("data.funnel.total.leads.medianHours"));
        assertEquals("45.6000", f.getString("data.funnel.total.leads.p90Hours"));
        assertEquals(List.of(), f.getList("data.funnel.groups"));
    }

    @Test
    void activeInThePeriod() {
        JsonPath f = Api.ok(Tokens.manager(team), FUNNEL, "t", team, "c", "ACTIVE");
        // A to G and I (its LEAD on January 5); H changed only in February
        assertEquals(8, f.getInt("data.funnel.total.contacts"));
        // I's stay as a suspect began in December: only what began in the period counts
        stage(f, 0, "SUSPECT", 7, 5, 0, 0, 2, "0.7143", "1.0000", "1.0000", "2.0000");
        // I entered LEAD on January 5 and is still there
        stage(f, 1, "LEAD", 7, 2, 1, 1, 3, "0.2857", "1.0000", "2.0000", "2.7000");
        assertEquals(7, f.getInt("data.funnel.total.leads.mql"));
    }

    @Test
    void groupedBySource() {
        JsonPath f = Api.ok(Tokens.manager(team), FUNNEL, "t", team, "g", "SOURCE");
        // LIST first: four contacts (D, E, F, G) against three (A, B, C)
        assertEquals(List.of("LIST", "REFERRAL"), f.getList("data.funnel.groups.key"));
        assertEquals(List.of(4, 3), f.getList("data.funnel.groups.contacts"));
        // REFERRAL: A, B, C all became leads; A and B prospects, C lost
        assertEquals(List.of(3, 3, 0, 0, 0), counts(f, "data.funnel.groups[1].stages[0]"));
        assertEquals(List.of(3, 2, 1, 0, 0), counts(f, "data.funnel.groups[1].stages[1]"));
        // LIST: D and G went on from SUSPECT, E and F are suspects; of D, E, G as leads, E went back
        assertEquals(List.of(4, 2, 0, 0, 2), counts(f, "data.funnel.groups[0].stages[0]"));
        assertEquals(List.of(3, 0, 0, 1, 2), counts(f, "data.funnel.groups[0].stages[1]"));
        // the groups add up to the whole, stage by stage and count by count
        for (int s = 0; s < 4; s++) {
            List<Integer> whole = counts(f, "data.funnel.total.stages[" + s + "]");
            List<Integer> list = counts(f, "data.funnel.groups[0].stages[" + s + "]");
            List<Integer> referral = counts(f, "data.funnel.groups[1].stages[" + s + "]");
            for (int k = 0; k < 5; k++) {
                assertEquals((int) whole.get(k), list.get(k) + referral.get(k), "stage " + s + ", count " + k);
            }
        }
    }

    @Test
    void groupedByOwner() {
        // the manager acts in the team (so becomes one of its members), then owns A and B
        Api.ok(Tokens.manager(team), "mutation($t: String) { createContact(input: {team: $t, displayName: \"M\", inFunnel: false}) { id } }",
                "t", team);
        Api.ok(Tokens.sales(team), "mutation($ids: [ID!]!, $o: String!) { assignContacts(ids: $ids, owner: $o) { id } }",
                "ids", List.of(ids.get("A"), ids.get("B")), "o", "manager-" + team);
        JsonPath f = Api.ok(Tokens.manager(team), FUNNEL, "t", team, "g", "OWNER");
        // the sales user who created them keeps C to G; M, created today, is not of the cohort
        assertEquals(List.of("sales-" + team, "manager-" + team), f.getList("data.funnel.groups.key"));
        assertEquals(List.of(5, 2), f.getList("data.funnel.groups.contacts"));
        assertEquals(List.of(2, 2, 0, 0, 0), counts(f, "data.funnel.groups[1].stages[0]"));
    }

    @Test
    void everyCountOpensOnTheContactsBehindIt() {
        String q = """
                query($t: String!, $after: String) { funnel(team: $t, from: "2026-01-01", to: "2026-01-31") { total { stages {
                  entered { count contacts(first: 3, after: $after) { totalCount edges { node { displayName } } pageInfo { hasNextPage endCursor } } }
                  lost { contacts { edges { node { displayName } } } }
                  wentBack { contacts { edges { node { displayName } } } }
                  stillThere { contacts { edges { node { displayName } } } } } } } }""";
        JsonPath f = Api.ok(Tokens.manager(team), q, "t", team);
        assertEquals(List.of("C"), names(f, "data.funnel.total.stages[1].lost"));
        assertEquals(List.of("E"), names(f, "data.funnel.total.stages[1].wentBack"));
        assertEquals(List.of("D", "G"), names(f, "data.funnel.total.stages[1].stillThere"));
        assertEquals(List.of("E", "F"), names(f, "data.funnel.total.stages[0].stillThere"));
        // SUSPECT entered: seven, by id, three a page
        assertEquals(7, f.getInt("data.funnel.total.stages[0].entered.contacts.totalCount"));
        assertEquals(List.of("A", "B", "C"), f.getList("data.funnel.total.stages[0].entered.contacts.edges.node.displayName"));
        String cursor = f.getString("data.funnel.total.stages[0].entered.contacts.pageInfo.endCursor");
        JsonPath next = Api.ok(Tokens.manager(team), q, "t", team, "after", cursor);
        assertEquals(List.of("D", "E", "F"), next.getList("data.funnel.total.stages[0].entered.contacts.edges.node.displayName"));
    }

    @Test
    void badPeriodsAreRefused() {
        JsonPath r = Api.call(Tokens.manager(team), "{ funnel(team: \"" + team + "\", from: \"2026-02-01\", to: \"2026-01-01\") { team } }");
        Errors.assertError(r, "VALIDATION", "to");
        r = Api.call(Tokens.manager(team), "{ funnel(team: \"" + team + "\", from: \"2000-01-01\", to: \"2026-01-01\") { team } }");
        Errors.assertError(r, "VALIDATION", "to");
        // another team's funnel, or an unknown one: not found alike
        r = Api.call(Tokens.manager(team), "{ funnel(team: \"" + aTeam() + "\", from: \"2026-01-01\", to: \"2026-01-31\") { team } }");
        Errors.assertError(r, "NOT_FOUND", null);
    }

    // ------------------------------------------------------------------ helpers

    private String contact(String name, String source) {
        String id = aContact().inTeam(team).named(name).source(source).create();
        ids.put(name, id);
        return id;
    }

    private void qualify(String id) {
        Api.ok(Tokens.sales(team), "mutation($id: ID!) { qualifyContact(id: $id) { stage } }", "id", id);
    }

    private void prospect(String id) {
        interact(team, id, "EMAIL", "OUTBOUND");
        interact(team, id, "EMAIL", "INBOUND");
    }

    /** Dates the contact's creation and its stage changes, in order, at midnight UTC of each day. */
    private static void dated(String contactId, String... days) {
        long id = Ids.decode("Contact", contactId);
        assertEquals(days.length, Db.count("select count(*) from stage_change where contact_id = " + id), "stage changes of " + contactId);
        for (int k = 0; k < days.length; k++) {
            Db.execute("update stage_change set at = timestamptz '" + days[k] + " 00:00:00+00' where id = (select id from stage_change"
                    + " where contact_id = " + id + " order by id offset " + k + " limit 1)");
        }
        Db.execute("update contact set created_at = timestamptz '" + days[0] + " 00:00:00+00' where id = " + id);
    }

    private static void stage(JsonPath f, int index, String stage, int entered, int advanced, int lost, int wentBack, int stillThere,
            String nextStep, String cumulative, String median, String p90) {
        String p = "data.funnel.total.stages[" + index + "]";
        assertEquals(stage, f.getString(p + ".stage"));
        assertEquals(List.of(entered, advanced, lost, wentBack, stillThere), counts(f, p), stage);
        assertEquals(entered, advanced + lost + wentBack + stillThere, "the outcomes of " + stage + " add up");
        assertEquals(nextStep, f.getString(p + ".nextStepRate"), stage);
        assertEquals(cumulative, f.getString(p + ".cumulativeRate"), stage);
        if (median == null) {
            assertNull(f.getString(p + ".medianDays"), stage);
        } else {
            assertEquals(median, f.getString(p + ".medianDays"), stage);
        }
        if (p90 == null) {
            assertNull(f.getString(p + ".p90Days"), stage);
        } else {
            assertEquals(p90, f.getString(p + ".p90Days"), stage);
        }
    }

    private static List<Integer> counts(JsonPath f, String stage) {
        return List.of(f.getInt(stage + ".entered.count"), f.getInt(stage + ".advanced.count"), f.getInt(stage + ".lost.count"),
                f.getInt(stage + ".wentBack.count"), f.getInt(stage + ".stillThere.count"));
    }

    private static List<String> names(JsonPath f, String count) {
        return f.getList(count + ".contacts.edges.node.displayName");
    }
}
