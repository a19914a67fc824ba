package dev.funnel.campaign;

import java.math.BigDecimal;
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

import dev.funnel.common.Money;
import dev.funnel.common.PageRequest;
import dev.funnel.contact.ContactView;
import dev.funnel.security.Role;
import dev.funnel.team.TeamService;
import dev.funnel.team.TeamView;
import io.quarkus.security.Authenticated;

@GraphQLApi
@Authenticated
public class CampaignGraphQLApi {

    private final CampaignService campaigns;
    private final TeamService teams;

    public CampaignGraphQLApi(CampaignService campaigns, TeamService teams) {
        this.campaigns = campaigns;
        this.teams = teams;
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Query("campaigns")
    @Description("Campaigns of the caller's teams, newest first, paged by keyset.")
    public @NonNull CampaignConnection campaigns(@Name("filter") @Description("Only campaigns matching this.") CampaignFilter filter,
            @Name("first") @Description("Page forward: this many edges, 0..200 (50 when neither first nor last is given).") Integer first,
            @Name("after") @Description("Cursor of the edge to start after.") String after,
            @Name("last") @Description("Page backward: this many edges, 0..200: those just before the before cursor, or the last ones of the list; not with first.") Integer last,
            @Name("before") @Description("Cursor of the edge to end before.") String before) {
        return campaigns.list(filter, PageRequest.of(first, after, last, before));
    }

    @RolesAllowed({ Role.MANAGER, Role.ADMIN })
    @Mutation("createCampaign")
    @Description("Creates a campaign in one of the caller's teams (manager or admin).")
    public @NonNull CampaignView createCampaign(@NonNull @Name("input") @Description("What to create.") CreateCampaignInput input) {
        return CampaignView.of(campaigns.create(input));
    }

    @RolesAllowed({ Role.MANAGER, Role.ADMIN })
    @Mutation("addCampaignCost")
    @Description("Adds a dated cost line to a campaign (manager or admin).")
    public @NonNull CampaignView addCampaignCost(@NonNull @Name("input") @Description("The cost line.") AddCampaignCostInput input) {
        return CampaignView.of(campaigns.addCost(input));
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("attributeToCampaign")
    @Description("Records that a campaign reached a contact, now or with one of its interactions; the contact's first and last campaigns follow.")
    public @NonNull ContactView attributeToCampaign(@NonNull @Name("input") @Description("The campaign and the contact or interaction.") AttributeToCampaignInput input) {
        return ContactView.of(campaigns.attribute(input));
    }

    // ------------------------------------------------------------------ fields, batched per page

    @Name("team")
    @Description("The team that owns the campaign.")
    public List<@NonNull TeamView> team(@Source List<CampaignView> page) {
        return page.stream().map(c -> TeamView.of(teams.byId(c.teamId()))).toList();
    }

    @Name("costs")
    @Description("The campaign's cost lines, oldest first.")
    public List<@NonNull List<@NonNull CampaignCostView>> costs(@Source List<CampaignView> page) {
        Map<Long, List<CampaignCost>> costs = campaigns.costsOf(page.stream().map(CampaignView::dbId).toList());
        return page.stream().map(c -> costs.getOrDefault(c.dbId(), List.of()).stream()
                .map(cost -> CampaignCostView.of(cost, c.currency())).toList()).toList();
    }

    @Name("totalCost")
    @Description("The sum of the campaign's cost lines; 0 when it has none.")
    public List<@NonNull Money> totalCost(@Source List<CampaignView> page) {
        Map<Long, List<CampaignCost>> costs = campaigns.costsOf(page.stream().map(CampaignView::dbId).toList());
        return page.stream().map(c -> Money.of(costs.getOrDefault(c.dbId(), List.of()).stream().map(cost -> cost.amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add), c.currency())).toList();
    }

    @Name("firstCampaign")
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Description("The first campaign that reached the contact (first-touch attribution); null when none did.")
    public List<CampaignView> firstCampaign(@Source List<ContactView> page) {
        return campaigns.byDbIds(page.stream().map(ContactView::firstCampaignDbId).toList()).stream()
                .map(c -> c == null ? null : CampaignView.of(c)).toList();
    }

    @Name("lastCampaign")
    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Description("The last campaign that reached the contact (last-touch attribution); null when none did.")
    public List<CampaignView> lastCampaign(@Source List<ContactView> page) {
        return campaigns.byDbIds(page.stream().map(ContactView::lastCampaignDbId).toList()).stream()
                .map(c -> c == null ? null : CampaignView.of(c)).toList();
    }
}
