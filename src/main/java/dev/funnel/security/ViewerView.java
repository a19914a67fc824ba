package dev.funnel.security;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.team.TeamView;

@Type("Viewer")
@Description("The caller, as the token describes it.")
public record ViewerView(
        @Description("The token's subject.") String subject,
        @NonNull @Description("The user name, or the client id of a system caller.") String name,
        @NonNull @Description("Roles granted by the token (sales, manager, billing, admin).") List<@NonNull String> roles,
        @NonNull @Description("The teams whose data the caller sees.") List<@NonNull TeamView> teams) {
}
