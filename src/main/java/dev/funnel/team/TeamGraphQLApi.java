package dev.funnel.team;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.funnel.security.Role;
import io.quarkus.security.Authenticated;

@GraphQLApi
@Authenticated
public class TeamGraphQLApi {

    private final TeamService teams;
    private final TeamMembers members;

    public TeamGraphQLApi(TeamService teams, TeamMembers members) {
        this.teams = teams;
        this.members = members;
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Name("members")
    @Description("The team's users as Funnel has seen them work in it (sales users and managers), by name: the owners a contact can be given to. At most 1,000.")
    public List<@NonNull List<@NonNull TeamMemberView>> members(@Source List<TeamView> page) {
        Map<Long, List<TeamMembers.Member>> byTeam = members.ofTeams(page.stream().map(TeamView::dbId).toList());
        return page.stream().map(t -> byTeam.getOrDefault(t.dbId(), List.of()).stream().map(TeamMemberView::of).toList()).toList();
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Query("team")
    @Description("One of the caller's teams, by code; null when the caller is not in it.")
    public TeamView team(@NonNull @Name("code") @Description("The team code.") String code) {
        return teams.find(code).map(TeamView::of).orElse(null);
    }

    @RolesAllowed(Role.ADMIN)
    @Mutation("createTeam")
    @Description("Creates a sales team (admin only).")
    public @NonNull TeamView createTeam(@NonNull @Name("input") @Description("What to create or change.") CreateTeamInput input) {
        return TeamView.of(teams.create(input));
    }

    @RolesAllowed({ Role.MANAGER, Role.ADMIN })
    @Mutation("updateTeamSettings")
    @Description("Changes a team's qualification criteria and follow-up caps (manager or admin).")
    public @NonNull TeamView updateTeamSettings(@NonNull @Name("input") @Description("What to create or change.") TeamSettingsInput input) {
        return TeamView.of(teams.updateSettings(input));
    }
}
