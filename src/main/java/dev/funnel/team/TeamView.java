package dev.funnel.team;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Decimal;

@Type("Team")
@Description("A sales team, with its qualification criteria and follow-up caps.")
public record TeamView(
        @Ignore long dbId,
        @NonNull @Description("Code, as in users' teams claim.") String code,
        @NonNull @Description("Display name.") String name,
        @NonNull @Description("Target countries; empty means any.") List<@NonNull String> targetCountries,
        @NonNull @Description("Target regions; empty means any.") List<@NonNull String> targetRegions,
        @NonNull @Description("Target sectors; empty means any.") List<@NonNull String> targetSectors,
        @Description("Minimum number of employees; null means no minimum.") Integer minEmployees,
        @Description("Maximum number of employees; null means no maximum.") Integer maxEmployees,
        @Description("Minimum annual revenue; null means no minimum.") Decimal minAnnualRevenue,
        @NonNull @Description("Website visits that count as interest.") int interestWebsiteVisits,
        @NonNull @Description("N: unanswered touches within the window that hold a contact back.") int followUpMaxTouches,
        @NonNull @Description("D: the follow-up window, in days.") int followUpWindowDays,
        @NonNull @Description("M: unanswered touches after which disqualification is proposed.") int unresponsiveAfterTouches,
        @NonNull @Description("Optimistic-locking version; pass it back as expectedVersion when updating.") int version) {

    public static TeamView of(Team t) {
        return new TeamView(t.id, t.code, t.name, list(t.targetCountries), list(t.targetRegions), list(t.targetSectors),
                t.minEmployees, t.maxEmployees, Decimal.of(t.minAnnualRevenue), t.interestWebsiteVisits, t.followUpMaxTouches,
                t.followUpWindowDays, t.unresponsiveAfterTouches, Math.toIntExact(t.version));
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
