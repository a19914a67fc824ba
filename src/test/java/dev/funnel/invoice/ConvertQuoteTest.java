package dev.funnel.invoice;

import static dev.funnel.support.Errors.assertError;
import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static dev.funnel.support.Quotes.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/** convertQuote, the call billing systems retry: one invoice per quote, a client in the same transaction. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ConvertQuoteTest {

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void prospectBecomesClientWhenItsQuoteIsConverted() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        String quote = Quotes.create(team, contact, List.of(line("Books", "3", "19.99", "5.5"), line("Pens", "3", "19.99", "20")))
                .getString("data.createQuote.id");
        Api.ok(Tokens.sales(team), "mutation($id: ID!) { sendQuote(id: $id) { id } }", "id", quote);

        JsonPath r = Quotes.convert(Tokens.billing(team), quote, key());
        assertNull(r.get("errors"), () -> r.prettify());
        assertFalse(r.getBoolean("data.convertQuote.replayed"));
        assertEquals(1, r.getInt("data.convertQuote.invoice.number"));
        assertEquals("135.23", r.getString("data.convertQuote.invoice.gross.amount"));
        assertEquals(List.of("Books", "Pens"), r.getList("data.convertQuote.invoice.lines.description"));
        assertEquals("CONVERTED", r.getString("data.convertQuote.invoice.quote.status"));
        assertEquals("CLIENT", r.getString("data.convertQuote.contact.stage"));
        assertEquals(Map.of("from", "PROSPECT", "to", "CLIENT", "trigger", "QUOTE_CONVERSION"),
                r.getMap("data.convertQuote.contact.stageHistory[-1]"));
        JsonPath q = Quotes.get(Tokens.sales(team), quote);
        assertEquals(r.getString("data.convertQuote.invoice.id"), q.getString("data.quote.invoice.id"));
    }

    @Test
    void sameKeyAgainReplaysTheSameInvoiceAndWritesNothing() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        String quote = Quotes.aSentQuote(team, contact);
        String key = key();
        JsonPath first = Quotes.convert(Tokens.billing(team), quote, key);
        JsonPath again = Quotes.convert(Tokens.billing(team), quote, key);
        assertTrue(again.getBoolean("data.convertQuote.replayed"));
        assertEquals(first.getString("data.convertQuote.invoice.id"), again.getString("data.convertQuote.invoice.id"));
        assertEquals(first.getMap("data.convertQuote.invoice"), again.getMap("data.convertQuote.invoice"), "the very same answer");
        assertEquals(first.getList("data.convertQuote.contact.stageHistory"), again.getList("data.convertQuote.contact.stageHistory"));
        assertEquals(1, Api.ok(Tokens.billing(team), "{ invoices { totalCount } }").getInt("data.invoices.totalCount"));
    }

    @Test
    void sameKeyForAnotherQuoteIsRefused() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        String one = Quotes.aSentQuote(team, contact);
        String two = Quotes.aSentQuote(team, contact);
        String key = key();
        Quotes.convert(Tokens.billing(team), one, key);
        assertError(Quotes.convert(Tokens.billing(team), two, key), "IDEMPOTENCY_KEY_REUSED", null);
        assertEquals("SENT", Quotes.get(Tokens.sales(team), two).getString("data.quote.status"));
    }

    @Test
    void keysMustHoldOneTo255Characters() {
        String team = aTeam();
        String quote = Quotes.aSentQuote(team, aContact().inTeam(team).atStage("PROSPECT"));
        assertError(Quotes.convert(Tokens.billing(team), quote, ""), "VALIDATION", "input.idempotencyKey");
        assertError(Quotes.convert(Tokens.billing(team), quote, "k".repeat(256)), "VALIDATION", "input.idempotencyKey");
        assertEquals("SENT", Quotes.get(Tokens.sales(team), quote).getString("data.quote.status"));
        assertFalse(Quotes.convert(Tokens.billing(team), quote, "k".repeat(255)).getBoolean("data.convertQuote.replayed"));
    }

    @Test
    void anotherKeyOnAConvertedQuoteNamesTheExistingInvoice() {
        String team = aTeam();
        String quote = Quotes.aSentQuote(team, aContact().inTeam(team).atStage("PROSPECT"));
        int number = Quotes.convert(Tokens.billing(team), quote, key()).getInt("data.convertQuote.invoice.number");
        Map<String, Object> error = assertError(Quotes.convert(Tokens.billing(team), quote, key()), "QUOTE_NOT_CONVERTIBLE", null);
        assertTrue(((String) error.get("message")).contains("invoice number " + number), error.toString());
    }

    @Test
    void draftDeclinedAndExpiredQuotesDoNotConvert() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        String draft = Quotes.create(team, contact, List.of(line("x", "1", "10", "20"))).getString("data.createQuote.id");
        String declined = Quotes.aSentQuote(team, contact);
        Api.ok(Tokens.sales(team), "mutation($id: ID!) { declineQuote(id: $id) { id } }", "id", declined);
        String expired = Quotes.aSentQuote(team, contact);
        Db.execute("update quote set valid_until = current_date - 1 where id = " + Ids.decode("Quote", expired));
        for (String quote : List.of(draft, declined, expired)) {
            assertError(Quotes.convert(Tokens.billing(team), quote, key()), "QUOTE_NOT_CONVERTIBLE", null);
        }
        assertEquals(0, Api.ok(Tokens.billing(team), "{ invoices { totalCount } }").getInt("data.invoices.totalCount"));
        assertEquals("PROSPECT", Contacts.stage(Tokens.sales(team), contact));
    }

    @Test
    void quoteOfAnotherTeamIsNotFound() {
        String team = aTeam();
        String other = aTeam();
        String quote = Quotes.aSentQuote(team, aContact().inTeam(team).atStage("PROSPECT"));
        assertError(Quotes.convert(Tokens.billing(other), quote, key()), "NOT_FOUND", null);
        assertError(Quotes.convert(Tokens.billing(team), "bm9wZTox", key()), "NOT_FOUND", null);
        assertEquals("SENT", Quotes.get(Tokens.sales(team), quote).getString("data.quote.status"));
    }

    @Test
    void onlyBillingAndAdminConvert() {
        String team = aTeam();
        String quote = Quotes.aSentQuote(team, aContact().inTeam(team).atStage("PROSPECT"));
        assertError(Quotes.convert(Tokens.sales(team), quote, key()), "FORBIDDEN", null);
        assertError(Quotes.convert(Tokens.manager(team), quote, key()), "FORBIDDEN", null);
        assertEquals("CLIENT", Quotes.convert(Tokens.admin(), quote, key()).getString("data.convertQuote.contact.stage"));
    }

    @Test
    void failureAfterTheInvoiceInsertLeavesNothingAndARetrySucceeds() {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        String quote = Quotes.aSentQuote(team, contact);
        long contactId = Ids.decode("Contact", contact);
        // the contact's update runs after the invoice insert; make it fail, for this contact only
        Db.execute("""
                create or replace function fail_contact_%1$d() returns trigger language plpgsql as
                $$ begin raise exception 'injected failure'; end $$;
                create trigger fail_contact_%1$d before update on contact for each row
                when (old.id = %1$d) execute function fail_contact_%1$d()""".formatted(contactId));
        String key = key();
        try {
            assertError(Quotes.convert(Tokens.billing(team), quote, key), "INTERNAL", null);
        } finally {
            Db.execute("drop trigger fail_contact_%1$d on contact; drop function fail_contact_%1$d()".formatted(contactId));
        }
        long quoteId = Ids.decode("Quote", quote);
        assertEquals(0, Db.count("select count(*) from invoice where quote_id = " + quoteId));
        assertEquals(0, Db.count("select count(*) from idempotency_key where quote_id = " + quoteId));
        assertEquals("SENT", Quotes.get(Tokens.sales(team), quote).getString("data.quote.status"));
        assertEquals("PROSPECT", Contacts.stage(Tokens.sales(team), contact));

        JsonPath retry = Quotes.convert(Tokens.billing(team), quote, key);
        assertFalse(retry.getBoolean("data.convertQuote.replayed"));
        assertEquals(1, retry.getInt("data.convertQuote.invoice.number"), "the failed attempt used no number");
        assertEquals("CLIENT", retry.getString("data.convertQuote.contact.stage"));
    }

    @Test
    void invoicesOfAnotherTeamAreInvisible() {
        String team = aTeam();
        String other = aTeam();
        String quote = Quotes.aSentQuote(team, aContact().inTeam(team).atStage("PROSPECT"));
        String invoice = Quotes.convert(Tokens.billing(team), quote, key()).getString("data.convertQuote.invoice.id");
        String read = "query($id: ID!) { invoice(id: $id) { number lines { description } quote { id } contact { id } team { code } } }";
        JsonPath mine = Api.ok(Tokens.billing(team), read, "id", invoice);
        assertEquals(quote, mine.getString("data.invoice.quote.id"));
        assertEquals(team, mine.getString("data.invoice.team.code"));
        assertNull(Api.ok(Tokens.billing(other), read, "id", invoice).get("data.invoice"));
        assertNull(Api.ok(Tokens.sales(other), read, "id", invoice).get("data.invoice"));
        assertEquals(0, Api.ok(Tokens.billing(other), "{ invoices { totalCount } }").getInt("data.invoices.totalCount"));
        assertEquals(1, Api.ok(Tokens.sales(team), "query($t: String) { invoices(filter: {team: $t}) { totalCount edges { node { id } } } }",
                "t", team).getInt("data.invoices.totalCount"));
    }
}
