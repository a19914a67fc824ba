package dev.funnel.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The second line of team isolation. Every time the pool hands a connection to a request, this
 * switches it to the role {@code funnel_app} (not a superuser, not an owner: PostgreSQL's
 * row-level security policies always apply to it) and stores the caller's team codes in the
 * connection's settings, where the policies of V3__row_level_security.sql read them. Every
 * hand-out sets all three values, so no connection carries a previous caller's teams.
 *
 * <p>Outside a request (Flyway at start-up, health checks) the connection keeps the login role
 * and no teams: a team-owned table then shows nothing to funnel_app, and only the owner's
 * migrations see rows.
 */
@ApplicationScoped
public class TeamScope implements AgroalPoolInterceptor {

    /** Team codes as createTeam accepts them; anything else in a token cannot name a team. */
    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    private static final String SCOPE = "select set_config('role', ?, false), set_config('funnel.team_codes', ?, false),"
            + " set_config('funnel.all_teams', ?, false)";

    @Override
    public void onConnectionAcquire(Connection connection) {
        String role = "none";
        String codes = "";
        String allTeams = "off";
        if (Arc.container().requestContext().isActive()) {
            SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
            if (identity != null && !identity.isAnonymous()) {
                Caller caller = Arc.container().instance(Caller.class).get();
                role = "funnel_app";
                codes = caller.tokenTeamCodes().stream().filter(c -> CODE.matcher(c).matches())
                        .collect(Collectors.joining(","));
                allTeams = identity.hasRole(Role.ADMIN) ? "on" : "off";
            }
        }
        try (PreparedStatement scope = connection.prepareStatement(SCOPE)) {
            scope.setString(1, role);
            scope.setString(2, codes);
            scope.setString(3, allTeams);
            scope.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not scope a database connection to the caller's teams", e);
        }
    }
}
