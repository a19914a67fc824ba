package dev.funnel.security;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.funnel.team.TeamView;
import io.quarkus.security.Authenticated;

@GraphQLApi
@Authenticated
public class ViewerGraphQLApi {

    private final Caller caller;

    public ViewerGraphQLApi(Caller caller) {
        this.caller = caller;
    }

    @Query("me")
    @Description("Who the caller is: subject, roles and teams.")
    public @NonNull ViewerView me() {
        return new ViewerView(caller.subject(), caller.actor(), caller.roles().stream().sorted().toList(),
                caller.teams().stream().map(TeamView::of).toList());
    }
}
