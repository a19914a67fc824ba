package dev.funnel.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Db;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every table that holds a team's rows (a {@code team_id} column in the public schema) has
 * row-level security enabled, forced (so the owner is bound too) and at least one policy: a table
 * added later without them fails here, before its rows could show across teams.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class RowLevelSecurityCoverageTest {

    private static final String UNPROTECTED = """
            select c.table_name || ':' || case when not k.relrowsecurity then ' not enabled'
                                               when not k.relforcerowsecurity then ' not forced'
                                               else ' no policy' end
              from information_schema.columns c
              join pg_namespace n on n.nspname = c.table_schema
              join pg_class k on k.relnamespace = n.oid and k.relname = c.table_name and k.relkind in ('r', 'p')
             where c.table_schema = 'public' and c.column_name = 'team_id'
               and (not k.relrowsecurity or not k.relforcerowsecurity
                    or not exists (select 1 from pg_policies p where p.schemaname = 'public' and p.tablename = c.table_name))
             order by 1""";

    @Test
    void everyTableWithATeamIdHasRowLevelSecurityEnabledForcedAndAPolicy() {
        List<String> tables = strings("select table_name from information_schema.columns where table_schema = 'public'"
                + " and column_name = 'team_id' order by 1");
        assertTrue(tables.containsAll(List.of("contact", "interaction", "quote", "invoice")), "the query finds the team tables: " + tables);
        assertEquals(List.of(), strings(UNPROTECTED));
    }

    @Test
    void theCheckSeesATableLeftUnforced() {
        Db.execute("alter table quote no force row level security");
        try {
            assertEquals(List.of("quote: not forced"), strings(UNPROTECTED));
        } finally {
            Db.execute("alter table quote force row level security");
        }
        assertEquals(List.of(), strings(UNPROTECTED));
    }

    private static List<String> strings(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            @SuppressWarnings("unchecked")
            List<String> rows = em.createNativeQuery(sql).getResultList();
            return rows;
        });
    }
}
