package dev.funnel.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Money;
import dev.funnel.common.Times;

@Type("CampaignCost")
@Description("One cost line of a campaign.")
public record CampaignCostView(
        @NonNull @Description("The day it was incurred.") LocalDate incurredOn,
        @NonNull @Description("What was spent, in the campaign's currency.") Money amount,
        @Description("What it was.") String description,
        @NonNull @Description("Who recorded it.") String createdBy,
        @NonNull @Description("When it was recorded (UTC).") OffsetDateTime createdAt) {

    static CampaignCostView of(CampaignCost c, String currency) {
        return new CampaignCostView(c.incurredOn, Money.of(c.amount, currency), c.description, c.createdBy, Times.utc(c.createdAt));
    }
}
