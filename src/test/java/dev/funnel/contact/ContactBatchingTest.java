package dev.funnel.contact;

import static dev.funnel.support.Fixtures.aContact;
import static dev.funnel.support.Fixtures.aTeam;
import static dev.funnel.support.Fixtures.interact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** A page of contacts with their nested fields costs the same number of SQL statements at 5 and at 50. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ContactBatchingTest {

    private static final String PAGE = """
            query($t: String, $n: Int) {
              contacts(filter: {team: $t}, first: $n) {
                totalCount
                edges { node {
                  id displayName team { code } organization { id }
                  stageHistory { to trigger }
                  qualification { qualified }
                  followUp { heldBack touchesInWindow }
                  interactions(first: 3) { totalCount edges { node { channel direction contact { id } } } }
                } }
              }
            }""";

    @Inject
    EntityManagerFactory emf;

    @Test
    void statementsDoNotGrowWithThePageSize() {
        String team = aTeam();
        for (int i = 0; i < 50; i++) {
            String id = aContact().inTeam(team).create();
            interact(team, id, "EMAIL", "OUTBOUND");
            interact(team, id, "EMAIL", "INBOUND");
        }
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        long small = statementsFor(stats, team, 5);
        long large = statementsFor(stats, team, 50);
        System.out.printf("SQL statements for a page of contacts with nested fields: 5 -> %d, 50 -> %d%n", small, large);
        assertEquals(small, large);
        assertTrue(small <= 10, "a handful of statements, was " + small);
    }

    private static long statementsFor(Statistics stats, String team, int size) {
        String token = Tokens.sales(team);
        stats.clear();
        JsonPath page = Api.ok(token, PAGE, "t", team, "n", size);
        long count = stats.getPrepareStatementCount();
        assertEquals(size, page.getList("data.contacts.edges").size());
        assertEquals(2, page.getInt("data.contacts.edges[0].node.interactions.totalCount"));
        assertEquals(2, page.getList("data.contacts.edges[" + (size - 1) + "].node.interactions.edges").size());
        return count;
    }
}
