package dev.funnel.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Ids;
import dev.funnel.common.Money;
import dev.funnel.common.Times;
import dev.funnel.graphql.Node;

@Type("Campaign")
@Description("A team's marketing campaign: how it reaches contacts, when, its budget and what it cost.")
public record CampaignView(
        @Ignore long dbId,
        @Ignore long teamId,
        @NonNull @Id @Description("Opaque id.") String id,
        @NonNull @Description("Unique in the team, whatever the case.") String name,
        @NonNull @Description("How it reaches contacts.") CampaignChannel channel,
        @NonNull @Description("First day.") LocalDate startsOn,
        @Description("Last day; null while it runs with no end set.") LocalDate endsOn,
        @NonNull @Description("ISO 4217 currency of the budget and the costs.") String currency,
        @Description("Planned spend; null when none was given.") Money budget,
        @Description("Free text.") String description,
        @NonNull @Description("Who created it.") String createdBy,
        @NonNull @Description("When (UTC).") OffsetDateTime createdAt,
        @NonNull @Description("Optimistic-locking version.") int version) implements Node {

    public static CampaignView of(Campaign c) {
        return new CampaignView(c.id, c.teamId, Ids.encode("Campaign", c.id), c.name, c.channel, c.startsOn, c.endsOn,
                c.currency, c.budget == null ? null : Money.of(c.budget, c.currency), c.description, c.createdBy,
                Times.utc(c.createdAt), Math.toIntExact(c.version));
    }
}
