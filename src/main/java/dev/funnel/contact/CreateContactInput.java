package dev.funnel.contact;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.funnel.common.Amount;
import dev.funnel.common.CountryCode;
import dev.funnel.common.Decimal;
import dev.funnel.common.PhoneNumber;

@Input("CreateContactInput")
@Description("A new contact. It enters the funnel as a suspect unless inFunnel is false; if it already meets its team's criteria and showed interest, it becomes a lead at once.")
public record CreateContactInput(
        @Description("Code of the owning team; may be left out when the caller belongs to exactly one team.")
        @Size(max = 64) String team,
        @DefaultValue("PERSON") @Description("Person or organization.") ContactKind kind,
        @NonNull @NotBlank @Size(max = 200) @Description("Full name of a person, or name of an organization (1..200 characters).") String displayName,
        @Email @Size(max = 254) @Description("Email address.") String email,
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Description("The contact's id in another system (a CRM, a billing system): unique in the team, case- and space-insensitively; an upsert key of imports.") String externalId,
        @PhoneNumber @Description("Phone number (digits, spaces and + ( ) . / -; up to 40 characters).") String phone,
        @Id @Description("The organization contact a person belongs to (same team).") String organizationId,
        @Size(max = 4) @Description("Roles held besides the funnel stage.") List<ContactRole> roles,
        @DefaultValue("true") @Description("False for a partner, a supplier or an employee kept outside the funnel.") Boolean inFunnel,
        @DefaultValue("OTHER") @Description("How the contact came to the team.") Source source,
        @CountryCode @Description("ISO 3166-1 alpha-2 country code, upper case.") String country,
        @Size(max = 100) @Description("Region within the country.") String region,
        @Size(max = 100) @Description("Business sector.") String sector,
        @PositiveOrZero @Max(100_000_000) @Description("Number of employees.") Integer employeeCount,
        @Amount @Description("Annual revenue, at most 2 decimals.") Decimal annualRevenue,
        @DefaultValue("false") @Description("Whether this contact takes the buying decision.") Boolean decisionMaker,
        @Description("Qualification answer: has a known need.") Boolean knownNeed,
        @Description("Qualification answer: has a budget.") Boolean hasBudget,
        @Size(max = 2000) @Description("Qualification answer: what the contact knows of our offer.") String offerKnowledge,
        @PositiveOrZero @Max(1_000_000) @Description("Qualification answer: visits to our website so far.") Integer websiteVisits,
        @Description("Qualification answer: would welcome a proposal.") Boolean welcomesProposal,
        @org.eclipse.microprofile.graphql.Id @Description("The campaign that brought the contact, of its team.") String campaignId) {
}
