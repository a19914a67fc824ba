package dev.funnel.security;

import static dev.funnel.support.Errors.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.funnel.support.Api;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;

/** The roles and teams claims are settings: here Keycloak's realm roles and a custom teams claim. */
@QuarkusTest
@TestProfile(ClaimsConfigTest.KeycloakClaims.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ClaimsConfigTest {

    public static class KeycloakClaims implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("funnel.security.roles-claim", "realm_access/roles", "funnel.security.teams-claim", "sales_teams");
        }
    }

    private static String token(Map<String, Object> claims) {
        var jwt = Jwt.preferredUserName("kc-user").issuer("https://server.example.com").audience("https://service.example.com");
        claims.forEach(jwt::claim);
        return jwt.sign();
    }

    @Test
    void rolesAndTeamsComeFromTheConfiguredClaims() {
        String team = "kc-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String admin = token(Map.of("realm_access", Map.of("roles", List.of("admin"))));
        Api.ok(admin, "mutation($i: CreateTeamInput!) { createTeam(input: $i) { code } }",
                "i", Map.of("code", team, "name", "Keycloak team"));
        String configured = token(Map.of("realm_access", Map.of("roles", List.of("sales")), "sales_teams", List.of(team)));
        var me = Api.ok(configured, "{ me { roles teams { code } } contacts { totalCount } }");
        assertEquals(List.of("sales"), me.getList("data.me.roles"));
        assertEquals(List.of(team), me.getList("data.me.teams.code"));

        String otherClaims = token(Map.of("groups", Set.of("sales"), "teams", List.of(team)));
        assertError(Api.call(otherClaims, "{ contacts { totalCount } }"), "FORBIDDEN", null);
        assertEquals(List.of(), Api.ok(otherClaims, "{ me { teams { code } } }").getList("data.me.teams"));
    }
}
