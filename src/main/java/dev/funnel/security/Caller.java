package dev.funnel.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.funnel.team.Team;
import dev.funnel.team.TeamIds;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller of the current request: who, with which roles, over which teams. Every query and
 * mutation asks it for the team ids it may touch, so a record of another team is never loaded.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final SecurityConfig config;
    private final Instance<AppFilterOverride> override;
    private final TeamIds teamIdsByCode;
    private List<Team> teams;
    private List<Long> teamIds;

    public Caller(SecurityIdentity identity, JsonWebToken token, SecurityConfig config,
            Instance<AppFilterOverride> override, TeamIds teamIdsByCode) {
        this.identity = identity;
        this.token = token;
        this.config = config;
        this.override = override;
        this.teamIdsByCode = teamIdsByCode;
    }

    /**
     * Who acts, as recorded in stage histories and invoices: the token's preferred user name, else
     * its subject, else the client it was issued to (a client-credentials caller).
     */
    public String actor() {
        for (String claim : new String[] { "preferred_username", "sub", "azp", "client_id" }) {
            Object value = token.getClaim(claim);
            String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        String principal = identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
        return principal == null || principal.isBlank() ? "unknown" : principal;
    }

    /** The name to show for the caller: the token's name, else its preferred user name, else {@link #actor()}. */
    public String displayName() {
        for (String claim : new String[] { "name", "preferred_username" }) {
            Object value = token.getClaim(claim);
            String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
            if (text != null && !text.isBlank()) {
                return text.length() > 200 ? text.substring(0, 200) : text;
            }
        }
        String actor = actor();
        return actor.length() > 200 ? actor.substring(0, 200) : actor;
    }

    public String subject() {
        return token.getSubject();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Team codes named in the token, whether or not such teams exist. */
    public Set<String> tokenTeamCodes() {
        Object claim = token.getClaim(config.teamsClaim());
        if (claim instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
        }
        if (claim instanceof String single) {
            return Set.of(single);
        }
        return Set.of();
    }

    /** The teams this caller may see: every team for an admin, else the existing teams of its token. */
    public List<Team> teams() {
        if (teams == null) {
            teams = hasRole(Role.ADMIN) ? Team.listAll() : Team.findByCodes(tokenTeamCodes());
        }
        return teams;
    }

    /** The id of the caller's team of that code; -1, which matches nothing, for any other code. */
    public long teamIdOf(String code) {
        return teams().stream().filter(t -> t.code.equals(code)).map(t -> t.id).findFirst().orElse(-1L);
    }

    /** The condition every query puts on its team column: the caller's teams ({@link #teamIds()}). */
    public TeamFilter teamFilter() {
        return TeamFilter.of(teamIds());
    }

    /** The team ids every query filters on; PostgreSQL's row-level security checks the same again (TeamScope). */
    public List<Long> teamIds() {
        if (override.isResolvable()) {
            Optional<List<Long>> ids = override.get().teamIds();
            if (ids.isPresent()) {
                return ids.get();
            }
        }
        if (teamIds == null) {
            teamIds = hasRole(Role.ADMIN) ? teams().stream().map(t -> t.id).toList() : teamIdsByCode.of(tokenTeamCodes());
        }
        return teamIds;
    }
}
