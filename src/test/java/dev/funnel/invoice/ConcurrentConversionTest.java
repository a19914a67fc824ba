package dev.funnel.invoice;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.funnel.common.Ids;
import dev.funnel.support.Db;
import dev.funnel.support.Quotes;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** Billing systems retry and race: still one invoice per quote, and invoice numbers without gaps. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentConversionTest {

    private static <T> List<T> runAll(int threads, List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void fiftyParallelConversionsOfOneQuoteMakeOneInvoice() throws Exception {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        String quote = Quotes.aSentQuote(team, contact);
        String token = Tokens.billing(team);
        String sharedKey = UUID.randomUUID().toString();
        List<Callable<JsonPath>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String key = i % 2 == 0 ? sharedKey : UUID.randomUUID().toString();
            calls.add(() -> Quotes.convert(token, quote, key));
        }
        List<JsonPath> responses = runAll(50, calls);

        Set<String> invoices = new HashSet<>();
        Map<String, Integer> codes = new java.util.TreeMap<>();
        for (JsonPath r : responses) {
            String invoice = r.getString("data.convertQuote.invoice.id");
            if (invoice != null) {
                invoices.add(invoice);
                codes.merge(r.getBoolean("data.convertQuote.replayed") ? "replayed" : "converted", 1, Integer::sum);
            } else {
                String code = r.getString("errors[0].extensions.code");
                assertNotNull(code, r.prettify());
                assertTrue(Set.of("IDEMPOTENCY_KEY_IN_USE", "QUOTE_NOT_CONVERTIBLE").contains(code), r.prettify());
                codes.merge(code, 1, Integer::sum);
            }
        }
        System.out.println("50 parallel convertQuote calls on one quote: " + codes);
        assertEquals(1, invoices.size(), "every success names the same invoice");
        assertEquals(1, codes.get("converted"), "exactly one call converted");
        long quoteId = Ids.decode("Quote", quote);
        assertEquals(1, Db.count("select count(*) from invoice where quote_id = " + quoteId));
        assertEquals(1, Db.count("select count(*) from stage_change where to_stage = 'CLIENT' and contact_id = "
                + Ids.decode("Contact", contact)));
    }

    @Test
    void twoHundredConversionsFromEightThreadsNumberInvoicesWithoutGaps() throws Exception {
        String team = aTeam();
        String contact = aContact().inTeam(team).atStage("PROSPECT");
        List<String> quotes = IntStream.range(0, 200).mapToObj(i -> Quotes.aSentQuote(team, contact)).toList();
        String token = Tokens.billing(team);
        List<Callable<Integer>> calls = quotes.stream()
                .<Callable<Integer>>map(q -> () -> Quotes.convert(token, q, UUID.randomUUID().toString())
                        .getInt("data.convertQuote.invoice.number"))
                .toList();
        List<Integer> numbers = new ArrayList<>(runAll(8, calls));
        numbers.sort(null);
        assertEquals(IntStream.rangeClosed(1, 200).boxed().toList(), numbers);
        assertEquals(200, Db.count("select count(distinct number) from invoice where team_id = (select id from team where code = '"
                + team + "')"));
    }
}
