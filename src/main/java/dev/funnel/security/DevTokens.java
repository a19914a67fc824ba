package dev.funnel.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.ext.web.Router;

/**
 * Dev mode only: {@code GET /dev/token?user=alice} answers a signed bearer token for a demo user,
 * so the API can be tried without an OIDC provider. The key is dev/dev-signing-key.pem, whose
 * public half is {@code %dev.quarkus.oidc.public-key}. This bean does not exist outside dev mode.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevTokens {

    /** Demo users: roles, then teams. The demo data (db/demo) fills teams red and blue. */
    static final Map<String, List<List<String>>> USERS = Map.of(
            "alice", List.of(List.of(Role.SALES), List.of("red")),
            "bob", List.of(List.of(Role.SALES), List.of("blue")),
            "carol", List.of(List.of(Role.MANAGER), List.of("red", "blue")),
            "billy", List.of(List.of(Role.BILLING), List.of("red")),
            "bella", List.of(List.of(Role.BILLING), List.of("blue")),
            "root", List.of(List.of(Role.ADMIN), List.of()));

    @ConfigProperty(name = "funnel.dev.signing-key")
    String keyPath;

    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    String issuer;

    void routes(@Observes Router router) {
        router.get("/dev/token").handler(ctx -> {
            String user = ctx.request().getParam("user", "alice");
            List<List<String>> grants = USERS.get(user);
            if (grants == null) {
                ctx.response().setStatusCode(404).end("Unknown demo user; one of " + USERS.keySet() + "\n");
                return;
            }
            try {
                ctx.response().putHeader("Content-Type", "text/plain").end(sign(user, grants.get(0), grants.get(1)) + "\n");
            } catch (Exception e) {
                ctx.fail(e);
            }
        });
    }

    private String sign(String user, List<String> roles, List<String> teams) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + user + "\",\"preferred_username\":\"" + user
                + "\",\"groups\":" + json(roles) + ",\"teams\":" + json(teams) + ",\"iat\":" + now + ",\"exp\":"
                + (now + 8 * 3600) + "}";
        String unsigned = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        String pem = Files.readString(Path.of(keyPath)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(unsigned.getBytes(StandardCharsets.US_ASCII));
        return unsigned + "." + b64(rs256.sign());
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
