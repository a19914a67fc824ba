package dev.funnel.contact;

import static dev.funnel.support.Errors.assertError;
import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Contacts;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** Every mutation fed bad input answers its code (README.md, "Errors"), and writes nothing. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class BadInputTest {

    private static final String CREATE = "mutation($i: CreateContactInput!) { createContact(input: $i) { id } }";
    private static final String LONG = "x".repeat(10_000);

    private static Map<String, Object> contact(String team, Object... pairs) {
        Map<String, Object> input = new HashMap<>(Map.of("team", team, "displayName", "Someone"));
        for (int i = 0; i < pairs.length; i += 2) {
            input.put((String) pairs[i], pairs[i + 1]);
        }
        return input;
    }

    private static long contactCount(String team) {
        return Api.ok(Tokens.sales(team), "query($t: String) { contacts(filter: {team: $t}) { totalCount } }", "t", team)
                .getLong("data.contacts.totalCount");
    }

    @Test
    void createContactRejectsEachBadFieldAndWritesNothing() {
        String team = aTeam();
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("input.email", new Object[] { "email", "not-an-email" });
        cases.put("input.displayName", new Object[] { "displayName", "" });
        cases.put("input.phone", new Object[] { "phone", "call me maybe" });
        cases.put("input.country", new Object[] { "country", "France" });
        cases.put("input.annualRevenue", new Object[] { "annualRevenue", "-1" });
        cases.put("input.employeeCount", new Object[] { "employeeCount", -5 });
        cases.put("input.offerKnowledge", new Object[] { "offerKnowledge", LONG });
        cases.put("input.region", new Object[] { "region", LONG });
        cases.put("input.websiteVisits", new Object[] { "websiteVisits", -1 });
        cases.forEach((field, kv) -> assertError(Api.call(Tokens.sales(team), CREATE, "i", contact(team, kv)),
                "VALIDATION", field));
        assertError(Api.call(Tokens.sales(team), CREATE, "i", contact(team, "displayName", "   ")), "VALIDATION",
                "input.displayName");
        assertError(Api.call(Tokens.sales(team), CREATE, "i", contact(team, "displayName", LONG)), "VALIDATION",
                "input.displayName");
        assertError(Api.call(Tokens.sales(team), CREATE, "i", contact(team, "annualRevenue", "12.345")), "VALIDATION",
                "input.annualRevenue");
        assertEquals(0, contactCount(team));
    }

    @Test
    void unknownEnumValuesAreValidationErrors() {
        String team = aTeam();
        assertError(Api.call(Tokens.sales(team), CREATE, "i", contact(team, "source", "ALIEN")), "VALIDATION", "i.source");
        assertError(Api.call(Tokens.sales(team), "mutation { createContact(input: {team: \"" + team
                + "\", displayName: \"x\", kind: ROBOT}) { id } }"), "VALIDATION", "input.kind");
        assertEquals(0, contactCount(team));
    }

    @Test
    void unknownTeamOrOrganizationIsNotFound() {
        String team = aTeam();
        assertError(Api.call(Tokens.sales(team), CREATE, "i", contact("no-such-team")), "NOT_FOUND", null);
        assertError(Api.call(Tokens.sales(team), CREATE, "i", contact(team, "organizationId", "bm9wZTox")), "NOT_FOUND", null);
        String person = aContact().inTeam(team).create();
        assertError(Api.call(Tokens.sales(team), CREATE, "i", contact(team, "organizationId", person)), "VALIDATION",
                "input.organizationId");
        assertEquals(1, contactCount(team));
    }

    @Test
    void teamIsRequiredWhenTheCallerHasSeveral() {
        String a = aTeam();
        String b = aTeam();
        Map<String, Object> input = Map.of("displayName", "x");
        assertError(Api.call(Tokens.sales(a, b), CREATE, "i", input), "VALIDATION", "input.team");
        Api.ok(Tokens.sales(a), CREATE, "i", input);
        assertEquals(1, contactCount(a));
    }

    @Test
    void updateContactRejectsStaleVersionsUnknownIdsAndBadFields() {
        String team = aTeam();
        String id = aContact().inTeam(team).create();
        long version = Contacts.get(Tokens.sales(team), id).getLong("data.contact.version");
        assertError(Contacts.update(Tokens.sales(team), Map.of("id", id, "expectedVersion", version + 1, "displayName", "New")),
                "VERSION_CONFLICT", null);
        assertError(Contacts.update(Tokens.sales(team), Map.of("id", id, "expectedVersion", version, "email", "@@")),
                "VALIDATION", "input.email");
        assertError(Contacts.update(Tokens.sales(team), Map.of("id", id, "expectedVersion", version, "displayName", " ")),
                "VALIDATION", "input.displayName");
        assertError(Contacts.update(Tokens.sales(team), Map.of("id", "bm9wZTox", "expectedVersion", 0)), "NOT_FOUND", null);
        assertError(Contacts.update(Tokens.sales(team), Map.of("id", "garbage!", "expectedVersion", 0)), "NOT_FOUND", null);
        JsonPath after = Contacts.get(Tokens.sales(team), id);
        assertEquals(version, after.getLong("data.contact.version"), "nothing written");
    }

    @Test
    void concurrentEditWithTheSameVersionConflicts() {
        String team = aTeam();
        String id = aContact().inTeam(team).create();
        long version = Contacts.get(Tokens.sales(team), id).getLong("data.contact.version");
        Api.ok(Tokens.sales(team), "mutation($i: UpdateContactInput!) { updateContact(input: $i) { version } }", "i",
                Map.of("id", id, "expectedVersion", version, "displayName", "First"));
        assertError(Contacts.update(Tokens.sales(team), Map.of("id", id, "expectedVersion", version, "displayName", "Second")),
                "VERSION_CONFLICT", null);
    }

    @Test
    void lifecycleMutationsRejectUnknownIdsAndIllegalMoves() {
        String team = aTeam();
        for (String m : List.of("qualifyContact", "reopenContact", "addToFunnel")) {
            assertError(Contacts.move(Tokens.sales(team), m, "bm9wZTox"), "NOT_FOUND", null);
        }
        assertError(Contacts.disqualify(Tokens.sales(team), "bm9wZTox", "NO_NEED"), "NOT_FOUND", null);
        assertError(Contacts.setTemperature(Tokens.sales(team), "bm9wZTox", "HOT"), "NOT_FOUND", null);

        String lead = aContact().inTeam(team).atStage("LEAD");
        assertError(Contacts.move(Tokens.sales(team), "qualifyContact", lead), "INVALID_TRANSITION", null);
        assertError(Contacts.move(Tokens.sales(team), "reopenContact", lead), "INVALID_TRANSITION", null);
        assertError(Contacts.move(Tokens.sales(team), "addToFunnel", lead), "INVALID_TRANSITION", null);
        assertError(Api.call(Tokens.sales(team), "mutation($id: ID!) { disqualifyContact(id: $id, reason: BORED) { id } }",
                "id", lead), "VALIDATION", null);
        assertError(Api.call(Tokens.sales(team), "mutation($id: ID!, $n: String) { disqualifyContact(id: $id, reason: OTHER, note: $n) { id } }",
                "id", lead, "n", LONG), "VALIDATION", "note");
        Contacts.disqualify(Tokens.sales(team), lead, "OTHER");
        assertError(Contacts.disqualify(Tokens.sales(team), lead, "OTHER"), "INVALID_TRANSITION", null);
        assertEquals(List.of("CREATION", "MANUAL", "MANUAL"),
                Contacts.get(Tokens.sales(team), lead).getList("data.contact.stageHistory.trigger"));
    }

    @Test
    void recordInteractionRejectsBadInputAndWritesNothing() {
        String team = aTeam();
        String id = aContact().inTeam(team).create();
        long version = Contacts.get(Tokens.sales(team), id).getLong("data.contact.version");
        String record = "mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { id } }";
        assertError(Api.call(Tokens.sales(team), record, "i", Map.of("contactId", id, "channel", "WEB_FORM", "direction", "OUTBOUND")),
                "VALIDATION", "input.direction");
        assertError(Api.call(Tokens.sales(team), record, "i", Map.of("contactId", id, "channel", "EMAIL", "direction", "INBOUND",
                "occurredAt", "2999-01-01T00:00:00Z")), "VALIDATION", "input.occurredAt");
        assertError(Api.call(Tokens.sales(team), record, "i", Map.of("contactId", id, "channel", "EMAIL", "direction", "INBOUND",
                "occurredAt", "yesterday")), "VALIDATION", "input");
        assertError(Api.call(Tokens.sales(team), record, "i", Map.of("contactId", id, "channel", "EMAIL", "direction", "INBOUND",
                "summary", LONG)), "VALIDATION", "input.summary");
        assertError(Api.call(Tokens.sales(team), record, "i", Map.of("contactId", id, "channel", "PIGEON", "direction", "INBOUND")),
                "VALIDATION", "i.channel");
        assertError(Api.call(Tokens.sales(team), record, "i", Map.of("contactId", "bm9wZTox", "channel", "EMAIL", "direction", "INBOUND")),
                "NOT_FOUND", null);
        JsonPath c = Api.ok(Tokens.sales(team), "query($id: ID!) { contact(id: $id) { version lastInteractionAt interactions { totalCount } } }",
                "id", id);
        assertEquals(0, c.getInt("data.contact.interactions.totalCount"));
        assertEquals(version, c.getLong("data.contact.version"));
    }

    @Test
    void teamSettingsRejectBadValues() {
        String team = aTeam();
        String update = "mutation($i: TeamSettingsInput!) { updateTeamSettings(input: $i) { version } }";
        assertError(Api.call(Tokens.manager(team), update, "i", Map.of("team", team, "followUpWindowDays", 0)),
                "VALIDATION", "input.followUpWindowDays");
        assertError(Api.call(Tokens.manager(team), update, "i", Map.of("team", team, "minEmployees", 50, "maxEmployees", 10)),
                "VALIDATION", "input.maxEmployees");
        assertError(Api.call(Tokens.manager(team), update, "i", Map.of("team", team, "targetCountries", List.of("FR", "fr"))),
                "VALIDATION", "input.targetCountries[1]");
        assertError(Api.call(Tokens.manager(team), update, "i", Map.of("team", team, "expectedVersion", 7)),
                "VERSION_CONFLICT", null);
        assertError(Api.call(Tokens.manager(team), update, "i", Map.of("team", "not-mine", "name", "x")), "NOT_FOUND", null);
        assertError(Api.call(Tokens.sales(team), update, "i", Map.of("team", team, "name", "x")), "FORBIDDEN", null);
        assertEquals(0, Api.ok(Tokens.sales(team), "query($c: String!) { team(code: $c) { version } }", "c", team)
                .getInt("data.team.version"));
    }

    @Test
    void createTeamIsForAdminsWithAValidUniqueCode() {
        String create = "mutation($i: CreateTeamInput!) { createTeam(input: $i) { code } }";
        assertError(Api.call(Tokens.sales("x"), create, "i", Map.of("code", "new-team", "name", "x")), "FORBIDDEN", null);
        assertError(Api.call(Tokens.admin(), create, "i", Map.of("code", "Not Valid", "name", "x")), "VALIDATION", "input.code");
        String team = aTeam();
        assertError(Api.call(Tokens.admin(), create, "i", Map.of("code", team, "name", "again")), "VALIDATION", "input.code");
    }

    @Test
    void pagingArgumentsAreChecked() {
        String team = aTeam();
        assertError(Api.call(Tokens.sales(team), "{ contacts(first: 201) { totalCount } }"), "VALIDATION", "first");
        assertError(Api.call(Tokens.sales(team), "{ contacts(first: -1) { totalCount } }"), "VALIDATION", "first");
        assertError(Api.call(Tokens.sales(team), "{ contacts(after: \"garbage\") { totalCount } }"), "VALIDATION", "after");
        assertError(Api.call(Tokens.sales(team), "{ followUps(after: \"garbage\") { totalCount } }"), "VALIDATION", "after");
        assertError(Api.call(Tokens.sales(team), "{ contacts(filter: {search: \"" + LONG + "\"}) { totalCount } }"),
                "VALIDATION", "filter.search");
    }

    @Test
    void malformedQueriesAreValidationErrors() {
        String team = aTeam();
        assertError(Api.call(Tokens.sales(team), "{ contacts { nope } }"), "VALIDATION", null);
        assertError(Api.call(Tokens.sales(team), "{ contacts( "), "VALIDATION", "query");
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("query", "{ contacts( ")).post("/graphql").then().statusCode(401);
    }
}
