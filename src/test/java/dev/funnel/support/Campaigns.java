package dev.funnel.support;

import java.util.Map;

/** Campaigns through the API, as a manager of their team. */
public final class Campaigns {

    public static final String CREATE = "mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id name channel startsOn endsOn"
            + " currency budget { amount currency } totalCost { amount } costs { incurredOn amount { amount currency } description } } }";
    public static final String COST = "mutation($i: AddCampaignCostInput!) { addCampaignCost(input: $i) { totalCost { amount currency }"
            + " costs { amount { amount } } } }";

    private Campaigns() {
    }

    /** A campaign from 2026-01-01 on, without end or budget; returns its id. */
    public static String campaign(String team, String name, String channel, String currency) {
        return Api.ok(Tokens.manager(team), CREATE, "i", Map.of("team", team, "name", name, "channel", channel,
                "startsOn", "2026-01-01", "currency", currency)).getString("data.createCampaign.id");
    }

    public static void cost(String team, String campaignId, String day, String amount) {
        Api.ok(Tokens.manager(team), COST, "i", Map.of("campaignId", campaignId, "incurredOn", day, "amount", amount));
    }
}
