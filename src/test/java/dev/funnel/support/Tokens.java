package dev.funnel.support;

import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Signed bearer tokens, verified by the app through the WireMock OIDC server's keys. */
public final class Tokens {

    private Tokens() {
    }

    public static String token(String user, Set<String> roles, List<String> teams) {
        return Jwt.preferredUserName(user).subject(user).groups(roles).claim("teams", teams)
                .issuer("https://server.example.com").audience("https://service.example.com").sign("privateKey.jwk");
    }

    public static String sales(String... teams) {
        return token("sales-" + String.join("-", teams), Set.of("sales"), List.of(teams));
    }

    public static String manager(String... teams) {
        return token("manager-" + String.join("-", teams), Set.of("manager"), List.of(teams));
    }

    public static String billing(String... teams) {
        return token("billing-" + String.join("-", teams), Set.of("billing"), List.of(teams));
    }

    public static String admin() {
        return token("admin", Set.of("admin"), List.of());
    }
}
