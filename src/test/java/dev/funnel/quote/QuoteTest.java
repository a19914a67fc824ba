package dev.funnel.quote;

import static dev.funnel.support.Errors.assertError;
import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static dev.funnel.support.Quotes.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.funnel.common.Ids;
import dev.funnel.support.Api;
import dev.funnel.support.Contacts;
import dev.funnel.support.Db;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class QuoteTest {

    @Test
    void serverComputesTotalsWithSeveralTaxRatesAndAwkwardDecimals() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        JsonPath q = Quotes.create(team, contact, List.of(line("Books", "3", "19.99", "5.5"), line("Pens", "3", "19.99", "20")));
        assertEquals("DRAFT", q.getString("data.createQuote.status"));
        assertEquals(List.of("59.97", "59.97"), q.getList("data.createQuote.lines.net.amount"));
        assertEquals(List.of("3.30", "11.99"), q.getList("data.createQuote.lines.tax.amount"));
        assertEquals("119.94", q.getString("data.createQuote.net.amount"));
        assertEquals("15.29", q.getString("data.createQuote.tax.amount"));
        assertEquals("135.23", q.getString("data.createQuote.gross.amount"));
        assertEquals("EUR", q.getString("data.createQuote.net.currency"));
        assertEquals(1, q.getInt("data.createQuote.number"));
    }

    @Test
    void quoteMovesFromDraftToSentToAccepted() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        String id = Quotes.create(team, contact, List.of(line("x", "1", "10", "20"))).getString("data.createQuote.id");
        assertError(Quotes.move(Tokens.sales(team), "acceptQuote", id), "INVALID_TRANSITION", null);
        assertEquals("SENT", Quotes.move(Tokens.sales(team), "sendQuote", id).getString("data.sendQuote.status"));
        assertError(Quotes.move(Tokens.sales(team), "sendQuote", id), "INVALID_TRANSITION", null);
        assertEquals("ACCEPTED", Quotes.move(Tokens.sales(team), "acceptQuote", id).getString("data.acceptQuote.status"));
        assertEquals("PROSPECT", Contacts.stage(Tokens.sales(team), contact), "accepting without a purchase order buys nothing yet");
        assertEquals("DECLINED", Quotes.move(Tokens.sales(team), "declineQuote", id).getString("data.declineQuote.status"));
    }

    @Test
    void purchaseOrderMakesTheContactAClient() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("LEAD");
        String id = Quotes.aSentQuote(team, contact);
        JsonPath r = Api.ok(Tokens.sales(team), "mutation($id: ID!) { acceptQuote(id: $id, purchaseOrder: \"PO-7781\") { status purchaseOrder contact { stage } } }",
                "id", id);
        assertEquals("PO-7781", r.getString("data.acceptQuote.purchaseOrder"));
        assertEquals("CLIENT", r.getString("data.acceptQuote.contact.stage"));
        JsonPath c = Contacts.get(Tokens.sales(team), contact);
        assertEquals(List.of("CREATION", "MANUAL", "TWO_WAY_EXCHANGE", "PURCHASE_ORDER"),
                c.getList("data.contact.stageHistory.trigger"), "a lead that buys passes through prospect, recorded");
    }

    @Test
    void quotePastItsValidityDateReadsAsExpired() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        String id = Quotes.aSentQuote(team, contact);
        Db.execute("update quote set valid_until = current_date - 1 where id = " + Ids.decode("Quote", id));
        assertEquals("EXPIRED", Quotes.get(Tokens.sales(team), id).getString("data.quote.status"));
        assertError(Quotes.move(Tokens.sales(team), "acceptQuote", id), "INVALID_TRANSITION", null);
        assertEquals(List.of(id), Api.ok(Tokens.sales(team), "query($t: String) { quotes(filter: {team: $t, statuses: [EXPIRED]}) { edges { node { id } } } }",
                "t", team).getList("data.quotes.edges.node.id"));
        assertEquals(0, Api.ok(Tokens.sales(team), "query($t: String) { quotes(filter: {team: $t, statuses: [SENT]}) { totalCount } }",
                "t", team).getInt("data.quotes.totalCount"));
    }

    @Test
    void quotesGoOnlyToLeadsProspectsAndClients() {
        String team = aTeam();
        String suspect = aContact().inTeam(team).create();
        assertError(Quotes.create(team, suspect, List.of(line("x", "1", "10", "20"))), "INVALID_TRANSITION", null);
        assertEquals(0, Api.ok(Tokens.sales(team), "{ quotes { totalCount } }").getInt("data.quotes.totalCount"));
    }

    @Test
    void badQuoteInputIsRejectedAndNothingWritten() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("LEAD");
        String create = "mutation($i: CreateQuoteInput!) { createQuote(input: $i) { id } }";
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(5).toString();
        Map<String, Object> good = line("x", "1", "10", "20");
        assertError(Api.call(Tokens.sales(team), create, "i", Map.of("contactId", contact, "currency", "EURO", "validUntil", future, "lines", List.of(good))),
                "VALIDATION", "input.currency");
        assertError(Api.call(Tokens.sales(team), create, "i", Map.of("contactId", contact, "currency", "XYZ", "validUntil", future, "lines", List.of(good))),
                "VALIDATION", "input.currency");
        assertError(Api.call(Tokens.sales(team), create, "i", Map.of("contactId", contact, "currency", "EUR", "validUntil", "2020-01-01", "lines", List.of(good))),
                "VALIDATION", "input.validUntil");
        assertError(Api.call(Tokens.sales(team), create, "i", Map.of("contactId", contact, "currency", "EUR", "validUntil", future, "lines", List.of())),
                "VALIDATION", "input.lines");
        assertError(Api.call(Tokens.sales(team), create, "i", Map.of("contactId", contact, "currency", "EUR", "validUntil", future,
                "lines", List.of(good, line("bad", "-1", "10", "20")))), "VALIDATION", "input.lines[1].quantity");
        assertError(Api.call(Tokens.sales(team), create, "i", Map.of("contactId", contact, "currency", "EUR", "validUntil", future,
                "lines", List.of(line("x", "1", "10", "120")))), "VALIDATION", "input.lines[0].taxRate");
        assertError(Api.call(Tokens.sales(team), create, "i", Map.of("contactId", contact, "currency", "EUR", "validUntil", future,
                "lines", List.of(line("x", "1", "10.00001", "20")))), "VALIDATION", "input.lines[0].unitPrice");
        assertError(Api.call(Tokens.sales(team), create, "i", Map.of("contactId", contact, "currency", "EUR", "validUntil", future,
                "lines", List.of(line("x".repeat(10_000), "1", "10", "20")))), "VALIDATION", "input.lines[0].description");
        assertError(Api.call(Tokens.sales(team), create, "i", Map.of("contactId", "bm9wZTox", "currency", "EUR", "validUntil", future,
                "lines", List.of(good))), "NOT_FOUND", null);
        assertError(Api.call(Tokens.billing(team), create, "i", Map.of("contactId", contact, "currency", "EUR", "validUntil", future,
                "lines", List.of(good))), "FORBIDDEN", null);
        assertEquals(0, Api.ok(Tokens.sales(team), "{ quotes { totalCount } }").getInt("data.quotes.totalCount"));
    }

    @Test
    void contactListsItsQuotesAndOtherTeamsSeeNone() {
        String team = aTeam();
        String other = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        String first = Quotes.aSentQuote(team, contact);
        String second = Quotes.aSentQuote(team, contact);
        JsonPath c = Api.ok(Tokens.sales(team), "query($id: ID!) { contact(id: $id) { quotes { totalCount edges { node { id } } } } }",
                "id", contact);
        assertEquals(List.of(second, first), c.getList("data.contact.quotes.edges.node.id"));
        assertNull(Api.ok(Tokens.sales(other), "query($id: ID!) { quote(id: $id) { id } }", "id", first).get("data.quote"));
        assertEquals(0, Api.ok(Tokens.sales(other), "{ quotes { totalCount } }").getInt("data.quotes.totalCount"));
        for (String m : List.of("sendQuote", "acceptQuote", "declineQuote")) {
            assertError(Quotes.move(Tokens.sales(other), m, first), "NOT_FOUND", null);
        }
        assertEquals("SENT", Quotes.get(Tokens.sales(team), first).getString("data.quote.status"));
    }

    @Test
    void contactListsOnlyItsQuotesInTheStatusesAsked() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        String declined = Quotes.aSentQuote(team, contact);
        Quotes.move(Tokens.sales(team), "declineQuote", declined);
        String expired = Quotes.aSentQuote(team, contact);
        Db.execute("update quote set valid_until = current_date - 1 where id = " + Ids.decode("Quote", expired));
        String open = Quotes.aSentQuote(team, contact);
        String draft = Quotes.create(team, contact, List.of(line("x", "1", "10", "20"))).getString("data.createQuote.id");
        String query = "query($id: ID!, $s: [QuoteStatus!]) { contact(id: $id) { quotes(statuses: $s) { totalCount edges { node { id } } } } }";
        JsonPath sent = Api.ok(Tokens.sales(team), query, "id", contact, "s", List.of("SENT"));
        assertEquals(List.of(open), sent.getList("data.contact.quotes.edges.node.id"));
        assertEquals(1, sent.getInt("data.contact.quotes.totalCount"));
        assertEquals(List.of(draft, open, declined), Api.ok(Tokens.sales(team), query, "id", contact, "s", List.of("SENT", "DRAFT", "DECLINED"))
                .getList("data.contact.quotes.edges.node.id"));
        assertEquals(List.of(expired), Api.ok(Tokens.sales(team), query, "id", contact, "s", List.of("EXPIRED"))
                .getList("data.contact.quotes.edges.node.id"));
        JsonPath all = Api.ok(Tokens.sales(team), query, "id", contact, "s", List.of());
        assertEquals(4, all.getInt("data.contact.quotes.totalCount"));
        assertError(Api.call(Tokens.sales(team), query, "id", contact, "s", List.of("LOST")), "VALIDATION", null);
    }
}
