package dev.funnel.security;

import static dev.funnel.support.Errors.assertError;
import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static dev.funnel.support.Fixtures.interact;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Contacts;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;

/** Nothing of another team is reachable: not by id, not in a list, a count, a nested field or an error. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TeamIsolationTest {

    private String red;
    private String blue;
    private String redContact;
    private String blueContact;

    @BeforeEach
    void twoTeams() {
        red = aTeam();
        blue = aTeam();
        redContact = aContact().inTeam(red).named("Red Lead").source("REFERRAL").atStage("LEAD");
        blueContact = aContact().inTeam(blue).named("Blue Lead").source("REFERRAL").atStage("LEAD");
        interact(red, redContact, "EMAIL", "OUTBOUND");
        interact(blue, blueContact, "EMAIL", "OUTBOUND");
        interact(blue, blueContact, "PHONE", "OUTBOUND");
    }

    @Test
    void contactByIdOfAnotherTeamIsNull() {
        JsonPath r = Api.ok(Tokens.sales(red), "query($id: ID!) { contact(id: $id) { id } }", "id", blueContact);
        assertNull(r.get("data.contact"));
        assertEquals(redContact, Api.ok(Tokens.sales(red), "query($id: ID!) { contact(id: $id) { id } }", "id", redContact)
                .getString("data.contact.id"));
    }

    @Test
    void contactsListsAndCountsOnlyTheCallersTeams() {
        JsonPath r = Api.ok(Tokens.sales(red), "{ contacts { totalCount edges { node { id team { code } } } } }");
        assertEquals(1, r.getInt("data.contacts.totalCount"));
        assertEquals(List.of(redContact), r.getList("data.contacts.edges.node.id"));
        assertEquals(0, Api.ok(Tokens.sales(red), "query($t: String) { contacts(filter: {team: $t}) { totalCount } }",
                "t", blue).getInt("data.contacts.totalCount"));
        assertEquals(0, Api.ok(Tokens.sales(red), "{ contacts(filter: {search: \"Blue\"}) { totalCount } }")
                .getInt("data.contacts.totalCount"));
        JsonPath both = Api.ok(Tokens.sales(red, blue), "{ contacts { totalCount } }");
        assertEquals(2, both.getInt("data.contacts.totalCount"));
    }

    @Test
    void followUpsListOnlyTheCallersTeams() {
        JsonPath r = Api.ok(Tokens.sales(red), "{ followUps { totalCount edges { node { id } } } }");
        assertEquals(List.of(redContact), r.getList("data.followUps.edges.node.id"));
        assertEquals(1, r.getInt("data.followUps.totalCount"));
        assertEquals(0, Api.ok(Tokens.sales(red), "query($t: String) { followUps(team: $t) { totalCount } }", "t", blue)
                .getInt("data.followUps.totalCount"));
    }

    @Test
    void nestedInteractionsShowOnlyTheContactsOwnTeam() {
        JsonPath r = Api.ok(Tokens.sales(red, blue),
                "{ contacts(orderBy: {field: NAME, direction: ASC}) { edges { node { displayName interactions { totalCount edges { node { channel contact { id } } } } } } } }");
        assertEquals(List.of("Blue Lead", "Red Lead"), r.getList("data.contacts.edges.node.displayName"));
        assertEquals(List.of(2, 1), r.getList("data.contacts.edges.node.interactions.totalCount"));
        assertEquals(List.of(blueContact, blueContact),
                r.getList("data.contacts.edges[0].node.interactions.edges.node.contact.id"));
        JsonPath redOnly = Api.ok(Tokens.sales(red),
                "{ contacts { edges { node { interactions { totalCount edges { node { contact { id } } } } } } } }");
        assertEquals(List.of(1), redOnly.getList("data.contacts.edges.node.interactions.totalCount"));
    }

    @Test
    void everyContactMutationTreatsAnotherTeamsIdAsUnknown() {
        String token = Tokens.sales(red);
        String unknown = "Q29udGFjdDo5OTk5OTk5OQ"; // a well-formed contact id that does not exist
        JsonPath before = Contacts.get(Tokens.sales(blue), blueContact);
        for (String id : List.of(blueContact, unknown)) {
            Map<String, Object> notFound = assertError(Contacts.move(token, "qualifyContact", id), "NOT_FOUND", null);
            assertEquals("No contact with id '" + id + "'", notFound.get("message"), "no existence hint");
            assertError(Contacts.move(token, "reopenContact", id), "NOT_FOUND", null);
            assertError(Contacts.move(token, "addToFunnel", id), "NOT_FOUND", null);
            assertError(Contacts.disqualify(token, id, "NO_NEED"), "NOT_FOUND", null);
            assertError(Contacts.setTemperature(token, id, "HOT"), "NOT_FOUND", null);
            assertError(Contacts.update(token, Map.of("id", id, "expectedVersion", 1, "displayName", "Hacked")), "NOT_FOUND", null);
            assertError(Api.call(token, "mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { id } }",
                    "i", Map.of("contactId", id, "channel", "EMAIL", "direction", "INBOUND")), "NOT_FOUND", null);
            assertError(Api.call(token, "mutation($i: CreateContactInput!) { createContact(input: $i) { id } }",
                    "i", Map.of("team", red, "displayName", "x", "organizationId", id)), "NOT_FOUND", null);
        }
        JsonPath after = Contacts.get(Tokens.sales(blue), blueContact);
        assertEquals(before.getLong("data.contact.version"), after.getLong("data.contact.version"));
        assertEquals(before.getList("data.contact.stageHistory"), after.getList("data.contact.stageHistory"));
        assertEquals(2, Api.ok(Tokens.sales(blue), "query($id: ID!) { contact(id: $id) { interactions { totalCount } } }",
                "id", blueContact).getInt("data.contact.interactions.totalCount"));
    }

    @Test
    void anotherTeamCannotBeWrittenToOrRead() {
        assertError(Api.call(Tokens.sales(red), "mutation($i: CreateContactInput!) { createContact(input: $i) { id } }",
                "i", Map.of("team", blue, "displayName", "Planted")), "NOT_FOUND", null);
        assertError(Api.call(Tokens.manager(red), "mutation($i: TeamSettingsInput!) { updateTeamSettings(input: $i) { code } }",
                "i", Map.of("team", blue, "followUpMaxTouches", 1)), "NOT_FOUND", null);
        assertNull(Api.ok(Tokens.sales(red), "query($c: String!) { team(code: $c) { code } }", "c", blue).get("data.team"));
        assertEquals(List.of(red), Api.ok(Tokens.sales(red), "{ me { teams { code } } }").getList("data.me.teams.code"));
        assertEquals(1, Api.ok(Tokens.sales(blue), "{ contacts { totalCount } }").getInt("data.contacts.totalCount"));
    }

    @Test
    void aTokenNamingNoExistingTeamSeesNothing() {
        JsonPath r = Api.ok(Tokens.sales("no-such-team"), "{ contacts { totalCount } followUps { totalCount } me { teams { code } } }");
        assertEquals(0, r.getInt("data.contacts.totalCount"));
        assertEquals(0, r.getInt("data.followUps.totalCount"));
        assertEquals(List.of(), r.getList("data.me.teams"));
    }

    @Test
    void billingCannotReadContacts() {
        assertError(Api.call(Tokens.billing(red), "{ contacts { totalCount } }"), "FORBIDDEN", null);
        assertError(Api.call(Tokens.billing(red), "query($id: ID!) { contact(id: $id) { id } }", "id", redContact),
                "FORBIDDEN", null);
    }

    @Test
    void missingExpiredOrForgedTokensAreUnauthenticated() {
        String query = "{\"query\":\"{ me { name } }\"}";
        given().contentType(ContentType.JSON).body(query).post("/graphql").then().statusCode(401);
        String expired = Jwt.preferredUserName("late").groups(Set.of("sales")).claim("teams", List.of(red))
                .issuer("https://server.example.com").issuedAt(1_000_000L).expiresAt(1_000_600L).sign();
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + expired).body(query).post("/graphql")
                .then().statusCode(401);
        String valid = Tokens.sales(red);
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + forged).body(query).post("/graphql")
                .then().statusCode(401);
    }
}
