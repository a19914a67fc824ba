package dev.funnel.support;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Quotes through the API. */
public final class Quotes {

    public static final String FIELDS = """
            id number status currency validUntil purchaseOrder
            net { amount currency } tax { amount } gross { amount }
            lines { position description quantity taxRate unitPrice { amount } net { amount } tax { amount } gross { amount } }
            contact { id stage } invoice { id number }""";

    private Quotes() {
    }

    public static Map<String, Object> line(String description, String quantity, String unitPrice, String taxRate) {
        return Map.of("description", description, "quantity", quantity, "unitPrice", unitPrice, "taxRate", taxRate);
    }

    public static JsonPath create(String team, String contactId, List<Map<String, Object>> lines) {
        return Api.call(Tokens.sales(team), "mutation($i: CreateQuoteInput!) { createQuote(input: $i) { " + FIELDS + " } }",
                "i", Map.of("contactId", contactId, "currency", "EUR",
                        "validUntil", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString(), "lines", lines));
    }

    /** A sent quote of one line for the contact; returns its id. */
    public static String aSentQuote(String team, String contactId) {
        String id = create(team, contactId, List.of(line("Consulting day", "2", "650.00", "20"))).getString("data.createQuote.id");
        Api.ok(Tokens.sales(team), "mutation($id: ID!) { sendQuote(id: $id) { status } }", "id", id);
        return id;
    }

    public static JsonPath move(String token, String mutation, String id) {
        return Api.call(token, "mutation($id: ID!) { " + mutation + "(id: $id) { " + FIELDS + " } }", "id", id);
    }

    public static JsonPath get(String token, String id) {
        return Api.ok(token, "query($id: ID!) { quote(id: $id) { " + FIELDS + " } }", "id", id);
    }

    public static JsonPath convert(String token, String quoteId, String key) {
        return Api.call(token, """
                mutation($i: ConvertQuoteInput!) { convertQuote(input: $i) {
                  replayed invoice { id number issuedAt gross { amount currency } lines { description } quote { id status } }
                  contact { id stage stageHistory { from to trigger } } } }""",
                "i", Map.of("quoteId", quoteId, "idempotencyKey", key));
    }
}
