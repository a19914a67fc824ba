package dev.funnel.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where Funnel finds the caller's teams and roles in the token. */
@ConfigMapping(prefix = "funnel.security")
public interface SecurityConfig {

    /** Name of the token claim holding the caller's team codes (a JSON array of strings). */
    @WithDefault("teams")
    String teamsClaim();

    /**
     * Path of the token claim holding the caller's roles, e.g. {@code realm_access/roles}. Applied
     * through {@code quarkus.oidc.roles.role-claim-path}; unset, Quarkus reads {@code groups}, then
     * Keycloak's {@code realm_access/roles}.
     */
    Optional<String> rolesClaim();
}
