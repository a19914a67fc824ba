package dev.funnel.report;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The funnel of contacts walked through the API today, nothing dated by hand (so that it runs
 * against the packaged application too, FunnelTodayIT): the counts and their drill-down. The
 * times in stage, to the day, are FunnelTest's.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class FunnelTodayTest {

    @Test
    void aDaysFunnelCountsEveryOutcome() {
        String team = aTeam();
        String sales = Tokens.sales(team);
        // A: suspect, lead, prospect, client; B: a lead rejected back to nurture; C: disqualified; D: a suspect
        String a = aContact().inTeam(team).named("A").atStage("PROSPECT");
        Quotes.convert(Tokens.billing(team), Quotes.aSentQuote(team, a), "today-" + team);
        String b = aContact().inTeam(team).named("B").atStage("LEAD");
        Api.ok(sales, "mutation($id: ID!) { rejectLead(id: $id, reason: \"Not now\") { id } }", "id", b);
        String c = aContact().inTeam(team).named("C").create();
        Api.ok(sales, "mutation($id: ID!) { disqualifyContact(id: $id, reason: NO_NEED) { id } }", "id", c);
        aContact().inTeam(team).named("D").create();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath f = Api.ok(Tokens.manager(team), """
                query($t: String!, $from: Date!, $to: Date!) { funnel(team: $t, from: $from, to: $to) { total { contacts
                  stages { stage entered { count } advanced { count } lost { count contacts { edges { node { displayName } } } }
                           wentBack { count contacts { edges { node { displayName } } } } stillThere { count } medianDays }
                  leads { mql accepted rejected undecided acceptanceRate } } } }""",
                "t", team, "from", today.minusDays(1).toString(), "to", today.plusDays(1).toString());
        String p = "data.funnel.total";
        assertEquals(4, f.getInt(p + ".contacts"));
        // SUSPECT: A went on; B is a suspect again, D still one; C was lost
        assertEquals(List.of(4, 1, 1, 0, 2), counts(f, p + ".stages[0]"));
        assertEquals(List.of("C"), f.getList(p + ".stages[0].lost.contacts.edges.node.displayName"));
        // LEAD: A went on, B went back
        assertEquals(List.of(2, 1, 0, 1, 0), counts(f, p + ".stages[1]"));
        assertEquals(List.of("B"), f.getList(p + ".stages[1].wentBack.contacts.edges.node.displayName"));
        assertNotNull(f.getString(p + ".stages[1].medianDays"));
        assertEquals(List.of(1, 1, 0, 0, 0), counts(f, p + ".stages[2]"));
        assertEquals(List.of(1, 0, 0, 0, 1), counts(f, p + ".stages[3]"));
        assertNull(f.getString(p + ".stages[3].medianDays"));
        // MQL: A and B; B rejected, A moved on without a decision
        assertEquals(List.of(2, 0, 1, 1), List.of(f.getInt(p + ".leads.mql"), f.getInt(p + ".leads.accepted"),
                f.getInt(p + ".leads.rejected"), f.getInt(p + ".leads.undecided")));
        assertEquals("0.0000", f.getString(p + ".leads.acceptanceRate"));
    }

    @Test
    void aReopenedLeadIsTheLeadItWasNotANewMql() {
        String team = aTeam();
        String sales = Tokens.sales(team);
        String lead = aContact().inTeam(team).named("L").atStage("LEAD");
        Api.ok(sales, "mutation($id: ID!) { acceptLead(id: $id) { id } }", "id", lead);
        Api.ok(sales, "mutation($id: ID!) { disqualifyContact(id: $id, reason: OTHER) { id } }", "id", lead);
        JsonPath reopened = Api.ok(sales, "mutation($id: ID!) { reopenContact(id: $id) { stage leadStatus } }", "id", lead);
        assertEquals("SQL", reopened.getString("data.reopenContact.leadStatus"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath f = Api.ok(Tokens.manager(team), """
                query($t: String!, $from: Date!, $to: Date!) { funnel(team: $t, from: $from, to: $to) { total {
                  stages { entered { count } lost { count } stillThere { count } } leads { mql accepted undecided } } } }""",
                "t", team, "from", today.minusDays(1).toString(), "to", today.plusDays(1).toString());
        // LEAD: one contact, whose last stay (after the reopen) goes on
        assertEquals(1, f.getInt("data.funnel.total.stages[1].entered.count"));
        assertEquals(1, f.getInt("data.funnel.total.stages[1].stillThere.count"));
        // one MQL, accepted: the reopen did not make it undecided
        assertEquals(List.of(1, 1, 0), List.of(f.getInt("data.funnel.total.leads.mql"), f.getInt("data.funnel.total.leads.accepted"),
                f.getInt("data.funnel.total.leads.undecided")));
    }

    private static List<Integer> counts(JsonPath f, String stage) {
        return List.of(f.getInt(stage + ".entered.count"), f.getInt(stage + ".advanced.count"), f.getInt(stage + ".lost.count"),
                f.getInt(stage + ".wentBack.count"), f.getInt(stage + ".stillThere.count"));
    }
}
