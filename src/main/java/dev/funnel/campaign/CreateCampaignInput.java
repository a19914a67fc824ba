package dev.funnel.campaign;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.funnel.common.Decimal;

@Input("CreateCampaignInput")
@Description("A new campaign of one of the caller's teams.")
public record CreateCampaignInput(
        @Size(max = 64) @Description("The team (code); required when the caller has more than one.") String team,
        @NonNull @NotBlank @Size(max = 200) @Description("1..200 characters, unique in the team whatever the case.") String name,
        @NonNull @Description("How the campaign reaches contacts.") CampaignChannel channel,
        @NonNull @Description("First day.") LocalDate startsOn,
        @Description("Last day; null while it runs with no end set.") LocalDate endsOn,
        @NonNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR")
        @Description("ISO 4217 currency of the budget and of every cost line.") String currency,
        @Description("Planned spend: 0 or more, with no more decimals than the currency has.") Decimal budget,
        @Size(max = 2000) @Description("Free text, up to 2000 characters.") String description) {
}
