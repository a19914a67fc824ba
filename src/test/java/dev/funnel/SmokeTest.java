package dev.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import dev.funnel.support.Fixtures;
import dev.funnel.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class SmokeTest {

    @Test
    void meShowsTheCallersTeams() {
        String team = Fixtures.aTeam();
        var body = Api.ok(Tokens.sales(team), "{ me { name roles teams { code } } }");
        assertEquals(team, body.getString("data.me.teams[0].code"));
        String id = Fixtures.aContact().inTeam(team).create();
        var c = Api.ok(Tokens.sales(team), "query($id: ID!) { contact(id: $id) { displayName stage stageHistory { from to trigger } } }", "id", id);
        assertEquals("SUSPECT", c.getString("data.contact.stage"));
    }
}
