package dev.funnel.contact;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.funnel.interaction.InteractionConnection;
import dev.funnel.interaction.InteractionService;
import dev.funnel.team.TeamMemberView;
import dev.funnel.team.TeamMembers;
import dev.funnel.team.TeamService;
import dev.funnel.team.TeamView;
import dev.funnel.common.PageRequest;
import dev.funnel.security.Role;
import io.quarkus.security.Authenticated;

@GraphQLApi
@Authenticated
public class ContactGraphQLApi {

    private final ContactService contacts;
    private final InteractionService interactions;
    private final TeamService teams;
    private final TeamMembers members;

    public ContactGraphQLApi(ContactService contacts, InteractionService interactions, TeamService teams, TeamMembers members) {
        this.members = members;
        this.contacts = contacts;
        this.interactions = interactions;
        this.teams = teams;
    }

    // ------------------------------------------------------------------ queries

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Query("contact")
    @Description("A contact of the caller's teams; null when there is none with that id (or it belongs to another team).")
    public ContactView contact(@NonNull @Id @Name("id") @Description("The contact.") String id) {
        return contacts.find(id).map(ContactView::of).orElse(null);
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Query("contacts")
    @Description("Contacts of the caller's teams, filtered and sorted (default: last changed first), paged by keyset.")
    public @NonNull ContactConnection contacts(@Name("filter") @Description("Only contacts matching this.") ContactFilter filter,
            @Name("orderBy") @Description("Sort order; default last changed first.") ContactOrder orderBy,
            @Name("first") @Description("Page forward: this many edges, 0..200 (50 when neither first nor last is given).") Integer first,
            @Name("after") @Description("Cursor of the edge to start after.") String after,
            @Name("last") @Description("Page backward: this many edges, 0..200: those just before the before cursor, or the last ones of the list; not with first.") Integer last,
            @Name("before") @Description("Cursor of the edge to end before.") String before) {
        return contacts.list(filter, orderBy, PageRequest.of(first, after, last, before));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Query("followUps")
    @Description("Leads and prospects to follow up: hot first, then warm, then cold, longest waiting first; contacts touched too often without an answer are held back.")
    public @NonNull ContactConnection followUps(@Name("team") @Description("Only this team (code).") String team,
            @Name("owner") @Description("ME: only the caller's own contacts; UNASSIGNED: only contacts nobody owns.") OwnerScope owner,
            @Name("first") @Description("Page forward: this many edges, 0..200 (50 when neither first nor last is given).") Integer first,
            @Name("after") @Description("Cursor of the edge to start after.") String after,
            @Name("last") @Description("Page backward: this many edges, 0..200: those just before the before cursor, or the last ones of the list; not with first.") Integer last,
            @Name("before") @Description("Cursor of the edge to end before.") String before) {
        return contacts.followUps(team, owner, PageRequest.of(first, after, last, before));
    }

    // ------------------------------------------------------------------ mutations

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("createContact")
    @Description("Creates a contact in one of the caller's teams; it enters the funnel as a suspect (or a lead, if it already qualifies).")
    public @NonNull ContactView createContact(@NonNull @Name("input") @Description("What to create or change.") CreateContactInput input) {
        return ContactView.of(contacts.create(input));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("updateContact")
    @Description("Changes a contact's details; fails with VERSION_CONFLICT when expectedVersion is stale.")
    public @NonNull ContactView updateContact(@NonNull @Name("input") @Description("What to create or change.") UpdateContactInput input) {
        return ContactView.of(contacts.update(input));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("qualifyContact")
    @Description("Qualifies a suspect by hand: it becomes a lead.")
    public @NonNull ContactView qualifyContact(@NonNull @Id @Name("id") @Description("The contact.") String id) {
        return ContactView.of(contacts.qualify(id));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("disqualifyContact")
    @Description("Takes a suspect, lead or prospect out of the funnel with a reason; reopenContact brings it back.")
    public @NonNull ContactView disqualifyContact(@NonNull @Id @Name("id") @Description("The contact.") String id,
            @NonNull @Name("reason") @Description("Why the contact leaves the funnel.") DisqualificationReason reason,
            @Name("note") @Description("Free text, up to 2000 characters.") String note) {
        return ContactView.of(contacts.disqualify(id, reason, note));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("reopenContact")
    @Description("Brings a disqualified contact back to the stage it left.")
    public @NonNull ContactView reopenContact(@NonNull @Id @Name("id") @Description("The contact.") String id) {
        return ContactView.of(contacts.reopen(id));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("addToFunnel")
    @Description("Puts a contact kept outside the funnel (a partner, a supplier...) into it as a suspect.")
    public @NonNull ContactView addToFunnel(@NonNull @Id @Name("id") @Description("The contact.") String id) {
        return ContactView.of(contacts.addToFunnel(id));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("setTemperature")
    @Description("Overrides the derived temperature of a lead or prospect.")
    public @NonNull ContactView setTemperature(@NonNull @Id @Name("id") @Description("The contact.") String id,
            @NonNull @Name("temperature") @Description("The temperature to show instead of the derived one.") Temperature temperature) {
        return ContactView.of(contacts.setTemperature(id, temperature));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("assignContact")
    @Description("Gives a contact to a member of its team (Team.members).")
    public @NonNull ContactView assignContact(@NonNull @Id @Name("id") @Description("The contact.") String id,
            @NonNull @Name("owner") @Description("The new owner: a member's token subject (TeamMember.subject).") String owner) {
        return ContactView.of(contacts.assign(List.of(id), owner).get(0));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("assignContacts")
    @Description("Gives up to 200 contacts to one owner, all or none: each must be a member of the contact's team.")
    // ids: declared [String!]! here and published as [ID!]! (graphql/NodeIdsArgument says why)
    public @NonNull List<@NonNull ContactView> assignContacts(@NonNull @Name("ids") @Description("The contacts, 1..200.") List<@NonNull String> ids,
            @NonNull @Name("owner") @Description("The new owner: a member's token subject (TeamMember.subject).") String owner) {
        return contacts.assign(ids, owner).stream().map(ContactView::of).toList();
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("acceptLead")
    @Description("Sales accepts a marketing-qualified lead (MQL): it stays a lead, now sales-qualified (SQL).")
    public @NonNull ContactView acceptLead(@NonNull @Id @Name("id") @Description("The contact.") String id) {
        return ContactView.of(contacts.acceptLead(id));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("rejectLead")
    @Description("Sales rejects a marketing-qualified lead back to nurture: it becomes a suspect again, the reason kept in its stage history.")
    public @NonNull ContactView rejectLead(@NonNull @Id @Name("id") @Description("The contact.") String id,
            @NonNull @Name("reason") @Description("Why, 1..2000 characters.") String reason) {
        return ContactView.of(contacts.rejectLead(id, reason));
    }

    // ------------------------------------------------------------------ fields, batched per page

    @Name("owner")
    @Description("The team member who owns the contact; null when nobody does.")
    public List<TeamMemberView> owner(@Source List<ContactView> page) {
        return members.of(page.stream().map(ContactView::teamId).toList(), page.stream().map(ContactView::ownerSubject).toList())
                .stream().map(TeamMemberView::of).toList();
    }

    @Name("team")
    @Description("The team that owns the contact.")
    public List<@NonNull TeamView> team(@Source List<ContactView> page) {
        return page.stream().map(c -> TeamView.of(teams.byId(c.teamId()))).toList();
    }

    @Name("organization")
    @Description("The organization a person belongs to.")
    public List<ContactView> organization(@Source List<ContactView> page) {
        return contacts.byIds(page.stream().map(ContactView::organizationDbId).toList()).stream()
                .map(c -> c == null ? null : ContactView.of(c)).toList();
    }

    @Name("interactions")
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Description("The contact's interactions, newest first.")
    public List<@NonNull InteractionConnection> interactions(@Source List<ContactView> page,
            @Name("first") @Description("Page forward: this many edges, 0..200 (50 when neither first nor last is given).") Integer first,
            @Name("after") @Description("Cursor of the edge to start after.") String after,
            @Name("last") @Description("Page backward: this many edges, 0..200: those just before the before cursor, or the last ones of the list; not with first.") Integer last,
            @Name("before") @Description("Cursor of the edge to end before.") String before) {
        Map<Long, InteractionConnection> pages = interactions.pagesOf(page.stream().map(ContactView::dbId).toList(),
                PageRequest.of(first, after, last, before));
        return page.stream().map(c -> pages.get(c.dbId())).toList();
    }

    @Name("totalCount")
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Description("How many interactions the whole list holds.")
    public List<@NonNull Integer> interactionsTotal(@Source List<InteractionConnection> lists) {
        return lists.stream().map(l -> Math.toIntExact(l.total().getAsLong())).toList();
    }

    @Name("stageHistory")
    @Description("Every stage change of the contact, oldest first.")
    public List<@NonNull List<@NonNull StageChangeView>> stageHistory(@Source List<ContactView> page) {
        return contacts.histories(page.stream().map(ContactView::dbId).toList());
    }

    @Name("qualification")
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Description("The contact against each of its team's qualification criteria: passed or failed, and why.")
    public List<@NonNull QualificationView> qualification(@Source List<ContactView> page) {
        return contacts.qualifications(page);
    }

    @Name("followUp")
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Description("The contact against its team's follow-up caps: held back, or proposed for disqualification.")
    public List<@NonNull FollowUpView> followUp(@Source List<ContactView> page) {
        return contacts.followUpStatus(page);
    }
}
