package dev.funnel.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.funnel.common.Ids;
import dev.funnel.support.Api;
import dev.funnel.support.Fixtures;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Every cell of the README's role matrix: each operation, called by each role (and by a caller
 * with no role), is refused with FORBIDDEN exactly where the matrix says so. Ids point nowhere:
 * an allowed caller gets past the role check to NOT_FOUND (or success), never to FORBIDDEN.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class RoleMatrixTest {

    private static final String NO_ID = "bm9wZTox";
    private static final String CONTACT_ID = Ids.encode("Contact", 987_654_321L);
    private static final String INTERACTION_ID = Ids.encode("Interaction", 987_654_321L);
    private static final String QUOTE_ID = Ids.encode("Quote", 987_654_321L);
    private static final String INVOICE_ID = Ids.encode("Invoice", 987_654_321L);
    private static final String CAMPAIGN_ID = Ids.encode("Campaign", 987_654_321L);
    private static final String IMPORT_JOB_ID = Ids.encode("ImportJob", 987_654_321L);
    private static final Set<String> SALES = Set.of("sales", "manager", "admin");
    private static final Set<String> READ_BILLING = Set.of("sales", "manager", "billing", "admin");
    private static final Set<String> MANAGERS = Set.of("manager", "admin");
    private static final Set<String> EVERYONE = Set.of("sales", "manager", "billing", "admin", "none");

    /** operation, document, who may call it. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of("me", "{ me { name } }", EVERYONE),
                Arguments.of("contact", "{ contact(id: \"" + NO_ID + "\") { id } }", SALES),
                Arguments.of("contacts", "{ contacts { totalCount } }", SALES),
                Arguments.of("followUps", "{ followUps { totalCount } }", SALES),
                Arguments.of("team", "{ team(code: \"x\") { code } }", SALES),
                Arguments.of("quote", "{ quote(id: \"" + NO_ID + "\") { id } }", READ_BILLING),
                Arguments.of("quotes", "{ quotes { totalCount } }", READ_BILLING),
                Arguments.of("invoice", "{ invoice(id: \"" + NO_ID + "\") { id } }", READ_BILLING),
                Arguments.of("invoices", "{ invoices { totalCount } }", READ_BILLING),
                // node and nodes: whoever may read records at all; then each type by the roles of its own query by id
                Arguments.of("node", "{ node(id: \"" + NO_ID + "\") { id } }", READ_BILLING),
                Arguments.of("nodes", "{ nodes(ids: [\"" + NO_ID + "\"]) { id } }", READ_BILLING),
                Arguments.of("node of a contact", "{ node(id: \"" + CONTACT_ID + "\") { id } }", SALES),
                Arguments.of("node of an interaction", "{ node(id: \"" + INTERACTION_ID + "\") { id } }", SALES),
                Arguments.of("node of a quote", "{ node(id: \"" + QUOTE_ID + "\") { id } }", READ_BILLING),
                Arguments.of("node of an invoice", "{ node(id: \"" + INVOICE_ID + "\") { id } }", READ_BILLING),
                Arguments.of("nodes of a quote and a contact", "{ nodes(ids: [\"" + QUOTE_ID + "\", \"" + CONTACT_ID
                        + "\"]) { id } }", SALES),
                Arguments.of("createContact", "mutation { createContact(input: {team: \"%TEAM%\", displayName: \"x\"}) { id } }", SALES),
                Arguments.of("updateContact", "mutation { updateContact(input: {id: \"" + NO_ID + "\", expectedVersion: 0}) { id } }", SALES),
                Arguments.of("qualifyContact", "mutation { qualifyContact(id: \"" + NO_ID + "\") { id } }", SALES),
                Arguments.of("disqualifyContact", "mutation { disqualifyContact(id: \"" + NO_ID + "\", reason: OTHER) { id } }", SALES),
                Arguments.of("reopenContact", "mutation { reopenContact(id: \"" + NO_ID + "\") { id } }", SALES),
                Arguments.of("addToFunnel", "mutation { addToFunnel(id: \"" + NO_ID + "\") { id } }", SALES),
                Arguments.of("setTemperature", "mutation { setTemperature(id: \"" + NO_ID + "\", temperature: HOT) { id } }", SALES),
                Arguments.of("recordInteraction", "mutation { recordInteraction(input: {contactId: \"" + NO_ID
                        + "\", channel: EMAIL, direction: INBOUND}) { id } }", SALES),
                Arguments.of("updateTeamSettings", "mutation { updateTeamSettings(input: {team: \"%TEAM%\"}) { code } }",
                        Set.of("manager", "admin")),
                Arguments.of("createTeam", "mutation { createTeam(input: {code: \"%NEWTEAM%\", name: \"x\"}) { code } }",
                        Set.of("admin")),
                Arguments.of("createQuote", "mutation { createQuote(input: {contactId: \"" + NO_ID
                        + "\", currency: \"EUR\", validUntil: \"2999-01-01\", lines: [{description: \"x\", quantity: \"1\", unitPrice: \"1\", taxRate: \"0\"}]}) { id } }",
                        SALES),
                Arguments.of("sendQuote", "mutation { sendQuote(id: \"" + NO_ID + "\") { id } }", SALES),
                Arguments.of("acceptQuote", "mutation { acceptQuote(id: \"" + NO_ID + "\") { id } }", SALES),
                Arguments.of("declineQuote", "mutation { declineQuote(id: \"" + NO_ID + "\") { id } }", SALES),
                Arguments.of("convertQuote", "mutation { convertQuote(input: {quoteId: \"" + NO_ID
                        + "\", idempotencyKey: \"k\"}) { replayed } }", Set.of("billing", "admin")),
                Arguments.of("events", "{ events { totalCount } }", MANAGERS),
                Arguments.of("webhookEndpoints", "{ webhookEndpoints { totalCount } }", MANAGERS),
                Arguments.of("createWebhookEndpoint", "mutation { createWebhookEndpoint(input: {team: \"%TEAM%\","
                        + " url: \"https://example.com/hooks\"}) { secret } }", MANAGERS),
                Arguments.of("updateWebhookEndpoint", "mutation { updateWebhookEndpoint(input: {id: \"" + NO_ID
                        + "\", enabled: false}) { id } }", MANAGERS),
                Arguments.of("rotateWebhookSecret", "mutation { rotateWebhookSecret(id: \"" + NO_ID + "\") { secret } }", MANAGERS),
                Arguments.of("redeliverEvents", "mutation { redeliverEvents(input: {endpointId: \"" + NO_ID
                        + "\", failedSince: \"2000-01-01T00:00:00Z\"}) { scheduled } }", MANAGERS),
                Arguments.of("assignContact", "mutation { assignContact(id: \"" + NO_ID + "\", owner: \"x\") { id } }", SALES),
                Arguments.of("assignContacts", "mutation { assignContacts(ids: [\"" + NO_ID + "\"], owner: \"x\") { id } }", SALES),
                Arguments.of("acceptLead", "mutation { acceptLead(id: \"" + NO_ID + "\") { id } }", SALES),
                Arguments.of("rejectLead", "mutation { rejectLead(id: \"" + NO_ID + "\", reason: \"x\") { id } }", SALES),
                Arguments.of("campaigns", "{ campaigns { totalCount } }", SALES),
                Arguments.of("node of a campaign", "{ node(id: \"" + CAMPAIGN_ID + "\") { id } }", SALES),
                Arguments.of("createCampaign", "mutation { createCampaign(input: {team: \"%TEAM%\", name: \"x\", channel: EMAILING,"
                        + " startsOn: \"2026-01-01\", currency: \"EUR\"}) { id } }", MANAGERS),
                Arguments.of("addCampaignCost", "mutation { addCampaignCost(input: {campaignId: \"" + NO_ID
                        + "\", incurredOn: \"2026-01-01\", amount: \"1\"}) { id } }", MANAGERS),
                Arguments.of("attributeToCampaign", "mutation { attributeToCampaign(input: {campaignId: \"" + NO_ID
                        + "\", contactId: \"" + NO_ID + "\"}) { id } }", SALES),
                Arguments.of("funnel", "{ funnel(team: \"%TEAM%\", from: \"2026-01-01\", to: \"2026-01-31\") { total { contacts } } }", SALES),
                Arguments.of("importJob", "{ importJob(id: \"" + IMPORT_JOB_ID + "\") { id } }", SALES),
                Arguments.of("node of an import job", "{ node(id: \"" + IMPORT_JOB_ID + "\") { id } }", SALES),
                Arguments.of("startContactImport", "mutation { startContactImport(input: {job: \"" + IMPORT_JOB_ID
                        + "\", upsertKey: EMAIL}) { id } }", SALES),
                Arguments.of("campaignPerformance", "{ campaignPerformance(team: \"%TEAM%\", from: \"2026-01-01\", to: \"2026-01-31\","
                        + " attribution: FIRST_TOUCH) { campaigns { reached } } }", SALES));
    }

    /** A new query or mutation cannot be left out of the matrix: every root field of the running schema is in it. */
    @org.junit.jupiter.api.Test
    void everyOperationIsInTheMatrix() {
        Set<String> inMatrix = matrix().map(a -> ((String) a.get()[0]).split(" ")[0]).collect(java.util.stream.Collectors.toSet());
        // __type answers in production too (RoleMatrixIT), where __schema does not
        for (String root : List.of("Query", "Mutation")) {
            List<String> names = Api.ok(Tokens.admin(), "{ __type(name: \"" + root + "\") { fields { name } } }")
                    .getList("data.__type.fields.name");
            for (String name : names) {
                org.junit.jupiter.api.Assertions.assertTrue(inMatrix.contains(name), name + " is not in the role matrix");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void onlyTheRolesOfTheMatrixMayCall(String operation, String document, Set<String> allowed) {
        for (String role : List.of("sales", "manager", "billing", "admin", "none")) {
            String team = Fixtures.aTeam();
            String token = Tokens.token(role + "-user", role.equals("none") ? Set.of() : Set.of(role), List.of(team));
            String query = document.replace("%TEAM%", team).replace("%NEWTEAM%", "n-" + team);
            JsonPath r = Api.call(token, query);
            List<Map<String, Object>> errors = r.getList("errors");
            String code = errors == null ? null : (String) ((Map<?, ?>) errors.get(0).get("extensions")).get("code");
            if (allowed.contains(role)) {
                assertNotEquals("FORBIDDEN", code, operation + " as " + role + ": " + r.prettify());
            } else {
                assertEquals("FORBIDDEN", code, operation + " as " + role + ": " + r.prettify());
            }
        }
    }
}
