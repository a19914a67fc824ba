package dev.funnel.team;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.funnel.common.CountryCode;
import dev.funnel.common.Decimal;
import dev.funnel.common.DecimalRange;

@Input("TeamSettingsInput")
@Description("Changes to a team's qualification criteria and follow-up caps. A field left out stays as it is; an empty list, or -1 for a number, removes that criterion.")
public record TeamSettingsInput(
        @NonNull @Size(max = 64) @Description("Code of the team.") String team,
        @Description("The version the change was based on; a stale one fails with VERSION_CONFLICT.") Integer expectedVersion,
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Description("Display name.") String name,
        @Size(max = 250) @Description("Target countries (ISO 3166-1 alpha-2).")
        List<@CountryCode String> targetCountries,
        @Size(max = 250) @Description("Target regions.") List<@Size(min = 1, max = 100) String> targetRegions,
        @Size(max = 250) @Description("Target sectors.") List<@Size(min = 1, max = 100) String> targetSectors,
        @Min(-1) @Max(100_000_000) @Description("Minimum number of employees; -1 removes the criterion.") Integer minEmployees,
        @Min(-1) @Max(100_000_000) @Description("Maximum number of employees; -1 removes the criterion.") Integer maxEmployees,
        @DecimalRange(integer = 17, fraction = 2) @Description("Minimum annual revenue; -1 removes the criterion.") Decimal minAnnualRevenue,
        @Min(1) @Max(1000) @Description("Website visits that count as interest (rule 1).") Integer interestWebsiteVisits,
        @Min(1) @Max(100) @Description("N: unanswered outbound touches within the window that hold a contact back (rule 7).") Integer followUpMaxTouches,
        @Min(1) @Max(365) @Description("D: the follow-up window, in days (rule 7).") Integer followUpWindowDays,
        @Min(1) @Max(100) @Description("M: unanswered touches after which disqualification as unresponsive is proposed (rule 7).") Integer unresponsiveAfterTouches) {
}
