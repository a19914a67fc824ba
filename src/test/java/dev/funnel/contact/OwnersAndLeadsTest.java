package dev.funnel.contact;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Errors;
import dev.funnel.support.Fixtures;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** Owners, my pipeline, and sales accepting or rejecting leads (docs/funnel.md, "Owners", "MQL and SQL"). */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class OwnersAndLeadsTest {

    private static final String CONTACT = """
            id stage leadStatus owner { subject displayName }
            stageHistory { from to trigger owner reason }""";

    @Test
    void aUsersNewContactIsTheirsUntilAssignedToAnotherMember() {
        String team = aTeam();
        String alice = Tokens.token("alice", Set.of("sales"), List.of(team));
        String bob = Tokens.token("bob", Set.of("sales"), List.of(team));
        String id = Api.ok(alice, "mutation($t: String) { createContact(input: {team: $t, displayName: \"Acme\"}) { id } }", "t", team)
                .getString("data.createContact.id");
        JsonPath c = get(alice, id);
        assertEquals("alice", c.getString("data.contact.owner.subject"));
        // the token's preferred user name is the name Funnel shows
        assertEquals("alice", c.getString("data.contact.owner.displayName"));
        assertEquals("alice", c.getString("data.contact.stageHistory[0].owner"));

        // bob has never worked in the team: not a member yet
        Errors.assertError(Api.call(alice, "mutation($id: ID!) { assignContact(id: $id, owner: \"bob\") { id } }", "id", id),
                "VALIDATION", "owner");
        Api.ok(bob, "mutation($t: String) { createContact(input: {team: $t, displayName: \"Bob's\"}) { id } }", "t", team);
        assertEquals(List.of("alice", "bob"), Api.ok(alice, "query($t: String!) { team(code: $t) { members { subject } } }", "t", team)
                .getList("data.team.members.subject"));
        JsonPath assigned = Api.ok(alice, "mutation($id: ID!) { assignContact(id: $id, owner: \"bob\") { " + CONTACT + " } }", "id", id);
        assertEquals("bob", assigned.getString("data.assignContact.owner.subject"));

        // my pipeline: each sees their own (last changed first: Acme, just assigned)
        assertEquals(List.of("Acme", "Bob's"), Api.ok(bob, "{ contacts(filter: {owner: ME}) { edges { node { displayName } } } }")
                .getList("data.contacts.edges.node.displayName"));
        assertEquals(0, Api.ok(alice, "{ contacts(filter: {owner: ME}) { totalCount } }").getInt("data.contacts.totalCount"));
        assertEquals(2, Api.ok(alice, "{ contacts(filter: {ownedBy: \"bob\"}) { totalCount } }").getInt("data.contacts.totalCount"));
        assertEquals(0, Api.ok(alice, "{ contacts(filter: {owner: UNASSIGNED}) { totalCount } }").getInt("data.contacts.totalCount"));
    }

    @Test
    void bulkAssignIsAllOrNothing() {
        String team = aTeam();
        String other = aTeam();
        String sales = Tokens.sales(team);
        String a = aContact().inTeam(team).named("A").create();
        String b = aContact().inTeam(team).named("B").create();
        String theirs = aContact().inTeam(other).named("Theirs").create();
        String me = "sales-" + team;
        // one id of another team: nothing changes
        Errors.assertError(Api.call(Tokens.manager(team), "mutation($ids: [ID!]!) { assignContacts(ids: $ids, owner: \"manager-" + team
                + "\") { id } }", "ids", List.of(a, b, theirs)), "NOT_FOUND", null);
        assertEquals(me, get(sales, a).getString("data.contact.owner.subject"));
        // the manager becomes a member by working in the team, then takes both
        Api.ok(Tokens.manager(team), "mutation($id: ID!) { qualifyContact(id: $id) { id } }", "id", a);
        List<String> owners = Api.ok(sales, "mutation($ids: [ID!]!, $o: String!) { assignContacts(ids: $ids, owner: $o) { owner { subject } } }",
                "ids", List.of(a, b), "o", "manager-" + team).getList("data.assignContacts.owner.subject");
        assertEquals(List.of("manager-" + team, "manager-" + team), owners);
        Errors.assertError(Api.call(sales, "mutation { assignContacts(ids: [], owner: \"x\") { id } }"), "VALIDATION", "ids");
        Errors.assertError(Api.call(sales, "mutation($id: ID!) { assignContact(id: $id, owner: \" \") { id } }", "id", a), "VALIDATION", "owner");
    }

    @Test
    void followUpsOfMyOwnContacts() {
        String team = aTeam();
        String mine = aContact().inTeam(team).named("Mine").atStage("LEAD");
        String theirs = aContact().inTeam(team).named("Theirs").atStage("LEAD");
        Api.ok(Tokens.manager(team), "mutation($id: ID!) { acceptLead(id: $id) { id } }", "id", theirs);
        Api.ok(Tokens.sales(team), "mutation($id: ID!) { assignContact(id: $id, owner: $o) { id } }".replace("$o", "\"manager-" + team + "\""),
                "id", theirs);
        assertEquals(List.of(mine), Api.ok(Tokens.sales(team), "{ followUps(owner: ME) { edges { node { id } } } }")
                .getList("data.followUps.edges.node.id"));
        assertEquals(List.of(theirs), Api.ok(Tokens.manager(team), "{ followUps(owner: ME) { edges { node { id } } } }")
                .getList("data.followUps.edges.node.id"));
        assertEquals(2, Api.ok(Tokens.manager(team), "{ followUps { totalCount } }").getInt("data.followUps.totalCount"));
    }

    @Test
    void salesAcceptsOrRejectsAMarketingQualifiedLead() {
        String team = aTeam();
        String sales = Tokens.sales(team);
        String lead = aContact().inTeam(team).named("Lead").atStage("LEAD");
        assertEquals("MQL", get(sales, lead).getString("data.contact.leadStatus"));
        JsonPath accepted = Api.ok(sales, "mutation($id: ID!) { acceptLead(id: $id) { " + CONTACT + " } }", "id", lead);
        assertEquals("LEAD", accepted.getString("data.acceptLead.stage"));
        assertEquals("SQL", accepted.getString("data.acceptLead.leadStatus"));
        assertEquals("SALES_ACCEPTED", accepted.getString("data.acceptLead.stageHistory[-1].trigger"));
        Errors.assertError(Api.call(sales, "mutation($id: ID!) { acceptLead(id: $id) { id } }", "id", lead), "INVALID_TRANSITION", null);
        Errors.assertError(Api.call(sales, "mutation($id: ID!) { rejectLead(id: $id, reason: \"x\") { id } }", "id", lead),
                "INVALID_TRANSITION", null);

        String other = aContact().inTeam(team).named("Other").atStage("LEAD");
        Errors.assertError(Api.call(sales, "mutation($id: ID!) { rejectLead(id: $id, reason: \"  \") { id } }", "id", other),
                "VALIDATION", "reason");
        JsonPath rejected = Api.ok(sales, "mutation($id: ID!) { rejectLead(id: $id, reason: \"Too small for us\") { " + CONTACT + " } }",
                "id", other);
        assertEquals("SUSPECT", rejected.getString("data.rejectLead.stage"));
        assertEquals("REJECTED", rejected.getString("data.rejectLead.leadStatus"));
        assertEquals("SALES_REJECTED", rejected.getString("data.rejectLead.stageHistory[-1].trigger"));
        assertEquals("Too small for us", rejected.getString("data.rejectLead.stageHistory[-1].reason"));
        // nurture: criteria met again do not bring it back; only a user does
        Fixtures.interact(team, other, "WEB_FORM", "INBOUND");
        assertEquals("SUSPECT", get(sales, other).getString("data.contact.stage"));
        JsonPath again = Api.ok(sales, "mutation($id: ID!) { qualifyContact(id: $id) { " + CONTACT + " } }", "id", other);
        assertEquals("MQL", again.getString("data.qualifyContact.leadStatus"));
        // a suspect, a prospect: nothing to accept
        Errors.assertError(Api.call(sales, "mutation($id: ID!) { acceptLead(id: $id) { id } }", "id",
                aContact().inTeam(team).create()), "INVALID_TRANSITION", null);
        assertNull(get(sales, aContact().inTeam(team).atStage("PROSPECT")).getString("data.contact.leadStatus"));
    }

    private static JsonPath get(String token, String id) {
        return Api.ok(token, "query($id: ID!) { contact(id: $id) { " + CONTACT + " } }", "id", id);
    }
}
