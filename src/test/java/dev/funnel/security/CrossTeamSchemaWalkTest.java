package dev.funnel.security;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static dev.funnel.support.Fixtures.interact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.funnel.common.Ids;
import dev.funnel.support.Api;
import dev.funnel.support.Await;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Walks every query and every mutation of the running schema, read from introspection, so a new
 * operation is covered without editing this test. Each is called by a user of team red (with
 * every role but admin) twice: once with the ids and team code of team blue, once with ids and a
 * code that do not exist. The two answers must be identical once those values are masked (no
 * data, no count, no existence hint), and no answer may hold anything of blue. Every field is
 * selected, nested objects included, three levels down.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class CrossTeamSchemaWalkTest {

    private static final Set<String> KINDS = Set.of("Contact", "Quote", "Invoice", "Interaction", "WebhookEndpoint", "Event",
            "Campaign", "ImportJob");
    private static final int DEPTH = 3;

    private Map<String, Map<String, Object>> types;
    private final Map<String, String> blue = new LinkedHashMap<>();
    private final Map<String, String> ghost = new LinkedHashMap<>();
    private String blueSecret;

    @Test
    void noOperationRevealsAnythingOfAnotherTeam() {
        String red = aTeam();
        String blueTeam = aTeam();
        // red has data, so that lists and nested fields run over real rows
        String redContact = aContact().inTeam(red).named("Red visible").source("REFERRAL").atStage("PROSPECT");
        Quotes.convert(Tokens.billing(red), Quotes.aSentQuote(red, redContact), "r-" + red);
        Quotes.aSentQuote(red, redContact);
        Api.ok(Tokens.manager(red), "mutation($t: String) { createWebhookEndpoint(input: {team: $t, url: \"https://example.com/red\"})"
                + " { secret } }", "t", red);
        String redCampaign = campaign(red, "Red campaign");
        Api.ok(Tokens.sales(red), "mutation($c: ID!, $k: ID!) { attributeToCampaign(input: {campaignId: $c, contactId: $k}) { id } }",
                "c", redCampaign, "k", redContact);
        // blue has the same, under a name that must never show up
        blueSecret = "BLUE-SECRET-" + UUID.randomUUID();
        String blueContact = aContact().inTeam(blueTeam).named(blueSecret).source("REFERRAL").atStage("PROSPECT");
        interact(blueTeam, blueContact, "EMAIL", "OUTBOUND");
        String blueInvoice = Quotes.convert(Tokens.billing(blueTeam), Quotes.aSentQuote(blueTeam, blueContact), "b-" + blueTeam)
                .getString("data.convertQuote.invoice.id");
        String blueQuote = Quotes.aSentQuote(blueTeam, blueContact);
        String blueInteraction = Api.ok(Tokens.sales(blueTeam), "query($id: ID!) { contact(id: $id) { interactions { edges { node { id } } } } }",
                "id", blueContact).getString("data.contact.interactions.edges[0].node.id");
        String blueEndpoint = Api.ok(Tokens.manager(blueTeam), "mutation($t: String) { createWebhookEndpoint(input: {team: $t,"
                + " url: \"https://example.com/" + blueSecret + "\", description: \"" + blueSecret + "\"}) { endpoint { id } } }",
                "t", blueTeam).getString("data.createWebhookEndpoint.endpoint.id");
        String blueEvent = blueEvent(blueTeam);
        String blueCampaign = campaign(blueTeam, blueSecret);
        Api.ok(Tokens.sales(blueTeam), "mutation($c: ID!, $k: ID!) { attributeToCampaign(input: {campaignId: $c, contactId: $k}) { id } }",
                "c", blueCampaign, "k", blueContact);
        // an import of blue's, its file named and filled with the secret
        String blueImport = dev.funnel.support.Imports.uploaded(Tokens.sales(blueTeam), blueTeam,
                ("displayName,email," + blueSecret + "\n" + blueSecret + ",import@example.com,x\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        blue.putAll(Map.of("Contact", blueContact, "Quote", blueQuote, "Invoice", blueInvoice, "Interaction", blueInteraction,
                "WebhookEndpoint", blueEndpoint, "Event", blueEvent, "Campaign", blueCampaign, "ImportJob", blueImport, "team", blueTeam));
        for (String kind : KINDS) {
            ghost.put(kind, Ids.encode(kind, 987_654_321L));
        }
        ghost.put("team", "ghost-" + blueTeam);

        types = Api.ok(Tokens.admin(), INTROSPECTION).<Map<String, Object>>getList("data.__schema.types").stream()
                .collect(Collectors.toMap(t -> (String) t.get("name"), t -> t));
        String token = Tokens.token("red-all-roles", Set.of("sales", "manager", "billing"), List.of(red));

        List<String> walked = new ArrayList<>();
        for (String root : List.of("Query", "Mutation")) {
            for (Map<String, Object> field : fields(root)) {
                String name = (String) field.get("name");
                String keyword = root.equals("Query") ? "query" : "mutation";
                String withBlue = keyword + " { " + call(field, blue) + " }";
                String withGhost = keyword + " { " + call(field, ghost) + " }";
                JsonPath a = Api.call(token, withBlue);
                JsonPath b = Api.call(token, withGhost);
                String answerBlue = mask(a.prettify(), blue);
                String answerGhost = mask(b.prettify(), ghost);
                assertFalse(answerBlue.contains(blueSecret), name + " shows blue's data: " + answerBlue);
                assertFalse(answerBlue.contains(blueTeam), name + " names blue's team: " + answerBlue);
                assertEquals(answerGhost, answerBlue, name + ": another team's ids must read like unknown ones\n" + withBlue);
                walked.add(name);
            }
        }
        System.out.println("Cross-team walk covered " + walked.size() + " operations: " + walked);
        assertTrue(walked.containsAll(List.of("contact", "contacts", "followUps", "quote", "quotes", "invoice", "invoices",
                "team", "me", "node", "nodes", "convertQuote", "createContact", "updateContact", "recordInteraction", "createQuote",
                "events", "webhookEndpoints", "createWebhookEndpoint", "updateWebhookEndpoint", "rotateWebhookSecret",
                "redeliverEvents", "assignContact", "assignContacts", "acceptLead", "rejectLead", "campaigns", "createCampaign",
                "addCampaignCost", "attributeToCampaign", "funnel", "campaignPerformance", "importJob", "startContactImport")));
    }

    /** A campaign of the team, with a cost line; returns its id. */
    private static String campaign(String team, String name) {
        String id = Api.ok(Tokens.manager(team), "mutation($t: String, $n: String!) { createCampaign(input: {team: $t, name: $n,"
                + " channel: EMAILING, startsOn: \"2026-01-01\", currency: \"EUR\", budget: \"1000\", description: $n}) { id } }",
                "t", team, "n", name).getString("data.createCampaign.id");
        Api.ok(Tokens.manager(team), "mutation($c: ID!, $n: String) { addCampaignCost(input: {campaignId: $c, incurredOn: \"2026-01-02\","
                + " amount: \"250.00\", description: $n}) { id } }", "c", id, "n", name);
        return id;
    }

    /** An event of blue's, once the relay has numbered it. */
    private static String blueEvent(String team) {
        return Await.until(() -> Api.ok(Tokens.manager(team), "query($t: String) { events(filter: {team: $t}, first: 1) { edges { node { id } } } }",
                "t", team).getString("data.events.edges[0].node.id"), java.util.Objects::nonNull, java.time.Duration.ofSeconds(20),
                "an event of " + team + " numbered");
    }

    /** One root field with every argument filled and every field selected. */
    private String call(Map<String, Object> field, Map<String, String> values) {
        String kind = kindOf(field.get("type"));
        String args = arguments(field, kind, values);
        return field.get("name") + args + selection(field.get("type"), 0);
    }

    private String arguments(Map<String, Object> field, String ownerKind, Map<String, String> values) {
        List<Map<String, Object>> args = list(field.get("args"));
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> arg : args) {
            String value = value((String) arg.get("name"), arg.get("type"), ownerKind, values, isRequired(arg.get("type")));
            if (value != null) {
                parts.add(arg.get("name") + ": " + value);
            }
        }
        return parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")";
    }

    /** A literal for an argument or input field; null to leave an optional one out. */
    private String value(String name, Object typeRef, String ownerKind, Map<String, String> values, boolean required) {
        Map<String, Object> type = named(typeRef);
        String typeName = (String) type.get("name");
        String kindName = (String) type.get("kind");
        if ("ID".equals(typeName) && name.equals("ids")) {
            // a list of ids (nodes): one of every kind
            return "[" + String.join(", ", KINDS.stream().sorted().map(k -> quoted(values.get(k))).toList()) + "]";
        }
        if ("ID".equals(typeName)) {
            String kind = name.equals("id") ? ownerKind
                    : name.equals("organizationId") ? "Contact" : name.equals("endpointId") ? "WebhookEndpoint"
                    : name.equals("job") ? "ImportJob"
                    : capitalize(name.substring(0, name.length() - 2));
            return KINDS.contains(kind) ? quoted(values.get(kind)) : quoted(values.get("Contact"));
        }
        if ("String".equals(typeName) && (name.equals("team") || name.equals("code"))) {
            return quoted(values.get("team"));
        }
        if (name.equals("first")) {
            return "3";
        }
        if (!required) {
            return null;
        }
        return switch (kindName) {
            case "ENUM" -> (String) list(types.get(typeName).get("enumValues")).get(0).get("name");
            case "INPUT_OBJECT" -> {
                String inputKind = KINDS.stream().filter(typeName::contains).max(java.util.Comparator.comparingInt(String::length))
                        .orElse(ownerKind);
                List<String> fields = new ArrayList<>();
                for (Map<String, Object> f : list(types.get(typeName).get("inputFields"))) {
                    String v = value((String) f.get("name"), f.get("type"), inputKind, values, isRequired(f.get("type")));
                    if (v != null) {
                        fields.add(f.get("name") + ": " + v);
                    }
                }
                yield "{" + String.join(", ", fields) + "}";
            }
            case "LIST" -> "[" + value(name, ((Map<?, ?>) typeRef).get("ofType"), ownerKind, values, true) + "]";
            default -> switch (typeName) {
                case "Int", "BigInteger" -> "1";
                case "Decimal" -> "\"1\"";
                case "Float" -> "1";
                case "Boolean" -> "true";
                case "Date" -> "\"2999-01-01\"";
                case "DateTime" -> "\"2000-01-01T00:00:00Z\"";
                default -> name.equals("idempotencyKey") ? "\"walk\"" : "\"x\"";
            };
        };
    }

    /**
     * Every field of the type, objects expanded to {@link #DEPTH} levels; fields needing arguments use
     * them. An interface (Node) is expanded into every type that implements it.
     */
    private String selection(Object typeRef, int depth) {
        Map<String, Object> type = named(typeRef);
        String kind = (String) type.get("kind");
        if (kind.equals("INTERFACE")) {
            List<String> parts = new ArrayList<>(fields((String) type.get("name")).stream().map(f -> (String) f.get("name")).toList());
            for (Map<String, Object> implementation : list(types.get(type.get("name")).get("possibleTypes"))) {
                parts.add("... on " + implementation.get("name") + selection(implementation, depth));
            }
            return " { " + String.join(" ", parts) + " }";
        }
        if (!kind.equals("OBJECT")) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> f : fields((String) type.get("name"))) {
            Map<String, Object> fieldType = named(f.get("type"));
            boolean object = fieldType.get("kind").equals("OBJECT") || fieldType.get("kind").equals("INTERFACE");
            if (object && depth >= DEPTH) {
                continue;
            }
            String args = list(f.get("args")).stream().anyMatch(a -> a.get("name").equals("first")) ? "(first: 3)" : "";
            parts.add(f.get("name") + args + (object ? selection(f.get("type"), depth + 1) : ""));
        }
        return parts.isEmpty() ? "" : " { " + String.join(" ", parts) + " }";
    }

    private String kindOf(Object typeRef) {
        String name = (String) named(typeRef).get("name");
        return KINDS.stream().filter(name::contains).max(java.util.Comparator.comparingInt(String::length)).orElse("Contact");
    }

    private List<Map<String, Object>> fields(String type) {
        return list(types.get(type).get("fields"));
    }

    private Map<String, Object> named(Object typeRef) {
        Map<?, ?> t = (Map<?, ?>) typeRef;
        while (t.get("name") == null) {
            t = (Map<?, ?>) t.get("ofType");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> full = new LinkedHashMap<>((Map<String, Object>) t);
        full.put("kind", types.get(t.get("name")).get("kind"));
        return full;
    }

    private static boolean isRequired(Object typeRef) {
        return "NON_NULL".equals(((Map<?, ?>) typeRef).get("kind"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private static String mask(String answer, Map<String, String> values) {
        String masked = answer.replaceAll("reference [0-9a-f-]{36}", "reference <ref>");
        for (Map.Entry<String, String> e : values.entrySet()) {
            masked = masked.replace(e.getValue(), "<" + e.getKey() + ">");
        }
        return masked;
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final String INTROSPECTION = """
            { __schema { types { name kind
                fields { name args { name type { ...T } } type { ...T } }
                inputFields { name type { ...T } }
                enumValues { name } possibleTypes { name } } } }
            fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }""";
}
