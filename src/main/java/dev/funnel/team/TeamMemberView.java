package dev.funnel.team;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TeamMember")
@Description("A user of a team, as Funnel has seen it work there (docs/funnel.md, \"Owners\").")
public record TeamMemberView(
        @NonNull @Description("The user's token subject: what assignContact takes as owner.") String subject,
        @NonNull @Description("The name the user's token carries; the subject when Funnel has not seen the user in this team.") String displayName) {

    public static TeamMemberView of(TeamMembers.Member m) {
        return m == null ? null : new TeamMemberView(m.subject(), m.displayName());
    }
}
