package dev.funnel.contact;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.funnel.common.Amount;
import dev.funnel.common.CountryCode;
import dev.funnel.common.Decimal;
import dev.funnel.common.PhoneNumber;

@Input("UpdateContactInput")
@Description("Changes to a contact's details. A field left out (or null) stays as it is. The stage never changes here, except that a suspect meeting its criteria becomes a lead.")
public record UpdateContactInput(
        @NonNull @Id @Description("The contact.") String id,
        @NonNull @Description("The version the change was based on; a stale one fails with VERSION_CONFLICT.") Integer expectedVersion,
        @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Description("Full name or organization name (1..200 characters).") String displayName,
        @Email @Size(max = 254) @Description("Email address.") String email,
        @Size(max = 200) @Description("The contact's id in another system; an empty string removes it.") String externalId,
        @PhoneNumber @Description("Phone number.") String phone,
        @Id @Description("The organization contact a person belongs to (same team).") String organizationId,
        @Size(max = 4) @Description("Roles held besides the funnel stage; replaces the current ones.") List<ContactRole> roles,
        @Description("How the contact came to the team.") Source source,
        @CountryCode @Description("ISO 3166-1 alpha-2 country code.") String country,
        @Size(max = 100) @Description("Region within the country.") String region,
        @Size(max = 100) @Description("Business sector.") String sector,
        @PositiveOrZero @Max(100_000_000) @Description("Number of employees.") Integer employeeCount,
        @Amount @Description("Annual revenue, at most 2 decimals.") Decimal annualRevenue,
        @Description("Whether this contact takes the buying decision.") Boolean decisionMaker,
        @Description("Qualification answer: has a known need.") Boolean knownNeed,
        @Description("Qualification answer: has a budget.") Boolean hasBudget,
        @Size(max = 2000) @Description("Qualification answer: what the contact knows of our offer.") String offerKnowledge,
        @PositiveOrZero @Max(1_000_000) @Description("Qualification answer: visits to our website so far.") Integer websiteVisits,
        @Description("Qualification answer: would welcome a proposal.") Boolean welcomesProposal) {
}
