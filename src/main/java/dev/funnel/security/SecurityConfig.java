package dev.funnel.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where Funnel finds the caller's teams in the token. Roles come from {@code quarkus.oidc.roles.role-claim-path}. */
@ConfigMapping(prefix = "funnel.security")
public interface SecurityConfig {

    /** Name of the token claim holding the caller's team codes (a JSON array of strings). */
    @WithDefault("teams")
    String teamsClaim();
}
