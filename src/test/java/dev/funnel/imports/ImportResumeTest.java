package dev.funnel.imports;

import static dev.funnel.support.Fixtures.aTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.funnel.common.Ids;
import dev.funnel.support.Api;
import dev.funnel.support.Db;
import dev.funnel.support.Imports;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * A run the database stops midway, then started again: it resumes with the rows of the batches
 * it did not commit, and no row is imported twice (docs/imports.md, "Runs"). The fault is PostgreSQL's: a
 * trigger refuses the job's progress past 1,000 rows, as a lost connection or a full disk would.
 * The packaged application's version of this test kills the instance itself (scripts/keycloak-e2e.sh).
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ImportResumeTest {

    @Test
    void aRunStoppedMidwayResumesWithoutDuplicates() {
        String team = aTeam();
        StringBuilder file = new StringBuilder("displayName,email\n");
        for (int i = 0; i < 2_500; i++) {
            file.append("Person ").append(i).append(",p").append(i).append("@example.com\n");
        }
        String job = Imports.uploaded(Tokens.sales(team), team, file.toString().getBytes(StandardCharsets.UTF_8));
        long jobId = Ids.decode("ImportJob", job);
        Db.execute("create or replace function import_fault() returns trigger language plpgsql as $$ begin"
                + " if new.id = " + jobId + " and new.rows_done > 1000 and new.status = 'RUNNING' then"
                + " raise exception 'disk full (a test fault)'; end if; return new; end $$");
        Db.execute("create trigger import_fault before update on import_job for each row execute function import_fault()");
        Map<String, Object> stopped;
        try {
            stopped = Imports.run(Tokens.sales(team), job, "EMAIL", false);
        } finally {
            Db.execute("drop trigger import_fault on import_job");
        }
        assertEquals("FAILED", stopped.get("status"));
        assertEquals("INTERNAL", stopped.get("errorCode"));
        assertTrue((Integer) stopped.get("rowsDone") > 0 && (Integer) stopped.get("rowsDone") <= 1_000, stopped.toString());
        assertEquals(stopped.get("rowsDone"), stopped.get("created"));
        long committed = Db.count("select count(*) from contact c join team t on t.id = c.team_id where t.code = '" + team + "'");
        assertEquals(((Integer) stopped.get("created")).longValue(), committed, "what the job counts is what was committed");

        Map<String, Object> resumed = Imports.run(Tokens.sales(team), job, "EMAIL", false);
        assertEquals("COMPLETED", resumed.get("status"));
        assertEquals(2_500, resumed.get("rowsDone"));
        assertEquals(2_500, resumed.get("created"));
        assertEquals(0, resumed.get("failed"));
        assertEquals(2_500, Api.ok(Tokens.sales(team), "query($t: String) { contacts(filter: {team: $t}) { totalCount } }", "t", team)
                .getInt("data.contacts.totalCount"));
        assertEquals(2_500, Db.count("select count(distinct lower(c.email)) from contact c join team t on t.id = c.team_id"
                + " where t.code = '" + team + "'"), "no row was imported twice");
        assertEquals(2_500, Db.count("select count(*) from import_result r join import_job j on j.id = r.job_id where r.job_id = " + jobId
                + " and r.attempt = j.attempt and r.result = 'CREATED'"), "every row has one result, of this attempt");
    }
}
