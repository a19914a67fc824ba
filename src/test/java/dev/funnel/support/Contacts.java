package dev.funnel.support;

import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Reads and lifecycle calls on one contact, as a given user. */
public final class Contacts {

    public static final String FIELDS = """
            id stage temperature temperatureOverridden version displayName disqualificationReason
            stageHistory { from to trigger actor at }
            qualification { qualified checks { criterion passed reason } }
            followUp { unansweredTouches touchesInWindow heldBack suggestedDisqualification }""";

    private Contacts() {
    }

    public static JsonPath get(String token, String id) {
        return Api.ok(token, "query($id: ID!) { contact(id: $id) { " + FIELDS + " } }", "id", id);
    }

    public static String stage(String token, String id) {
        return get(token, id).getString("data.contact.stage");
    }

    /** Calls a mutation taking just an id (qualifyContact, reopenContact...), returning the whole response. */
    public static JsonPath move(String token, String mutation, String id) {
        return Api.call(token, "mutation($id: ID!) { " + mutation + "(id: $id) { " + FIELDS + " } }", "id", id);
    }

    public static JsonPath disqualify(String token, String id, String reason) {
        return Api.call(token, "mutation($id: ID!, $r: DisqualificationReason!) { disqualifyContact(id: $id, reason: $r, note: \"n\") { "
                + FIELDS + " } }", "id", id, "r", reason);
    }

    public static JsonPath setTemperature(String token, String id, String temperature) {
        return Api.call(token, "mutation($id: ID!, $t: Temperature!) { setTemperature(id: $id, temperature: $t) { "
                + FIELDS + " } }", "id", id, "t", temperature);
    }

    public static JsonPath update(String token, Map<String, Object> input) {
        return Api.call(token, "mutation($i: UpdateContactInput!) { updateContact(input: $i) { " + FIELDS
                + " decisionMaker knownNeed hasBudget offerKnowledge websiteVisits welcomesProposal } }", "i", input);
    }
}
