package dev.funnel.contact;

import static dev.funnel.common.Times.utc;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.funnel.common.Decimal;
import dev.funnel.common.Ids;
import dev.funnel.graphql.Node;

@Type("Contact")
@Description("A person or an organization of one team, and where it stands in the funnel.")
public record ContactView(
        @Ignore long dbId,
        @Ignore long teamId,
        @Ignore Long organizationDbId,
        @Ignore boolean quoteRequested,
        @Ignore boolean webFormReceived,
        @Ignore int unansweredTouches,
        @Ignore String ownerSubject,
        @Ignore Long firstCampaignDbId,
        @Ignore Long lastCampaignDbId,
        @NonNull @Id @Description("Opaque id.") String id,
        @NonNull @Description("Person or organization.") ContactKind kind,
        @NonNull @Description("Name shown to users: a person's full name or an organization's name.") String displayName,
        @Description("Email address.") String email,
        @Description("The contact's id in another system (a CRM, a billing system), unique in the team.") String externalId,
        @Description("Phone number.") String phone,
        @NonNull @Description("Roles held besides the funnel stage (partner, supplier...).") List<@NonNull ContactRole> roles,
        @Description("Stage in the funnel; null for a contact outside the funnel.") Stage stage,
        @Description("Temperature of a lead or prospect; null at other stages.") Temperature temperature,
        @Description("A lead's status between marketing and sales (MQL, SQL); REJECTED for a suspect sales sent back to nurture; null otherwise.") LeadStatus leadStatus,
        @NonNull @Description("True when the temperature was set by hand rather than derived.") boolean temperatureOverridden,
        @Description("Why the contact was disqualified; null unless DISQUALIFIED.") DisqualificationReason disqualificationReason,
        @Description("Note given when disqualifying.") String disqualificationNote,
        @NonNull @Description("How the contact came to the team.") Source source,
        @Description("ISO 3166-1 alpha-2 country code.") String country,
        @Description("Region within the country.") String region,
        @Description("Business sector.") String sector,
        @Description("Number of employees (of the organization).") Integer employeeCount,
        @Description("Annual revenue, in the team's currency.") Decimal annualRevenue,
        @NonNull @Description("Whether this contact takes the buying decision.") boolean decisionMaker,
        @Description("Qualification answer: has a known need; null when not asked yet.") Boolean knownNeed,
        @Description("Qualification answer: has a budget; null when not asked yet.") Boolean hasBudget,
        @Description("Qualification answer: what the contact knows of our offer.") String offerKnowledge,
        @NonNull @Description("Qualification answer: number of visits to our website.") int websiteVisits,
        @Description("Qualification answer: would welcome a proposal; null when not asked yet.") Boolean welcomesProposal,
        @NonNull @Description("Optimistic-locking version; pass it back as expectedVersion when updating.") int version,
        @NonNull @Description("When the contact was created (UTC).") OffsetDateTime createdAt,
        @NonNull @Description("When the contact last changed (UTC).") OffsetDateTime updatedAt,
        @Description("When the last interaction took place (UTC); null when none.") OffsetDateTime lastInteractionAt) implements Node {

    public static ContactView of(Contact c) {
        return new ContactView(c.id, c.teamId, c.organizationId, c.quoteRequested, c.webFormReceived,
                c.unansweredTouches, c.owner, c.firstCampaignId, c.lastCampaignId, Ids.encode("Contact", c.id), c.kind, c.displayName,
                c.email, c.externalId, c.phone, List.copyOf(c.roles), c.stage, c.temperature, c.leadStatus, c.temperatureOverride != null,
                c.disqualificationReason, c.disqualificationNote, c.source, c.country, c.region, c.sector,
                c.employeeCount, Decimal.of(c.annualRevenue), c.decisionMaker, c.knownNeed, c.hasBudget, c.offerKnowledge,
                c.websiteVisits, c.welcomesProposal, Math.toIntExact(c.version), utc(c.createdAt), utc(c.updatedAt),
                utc(c.lastInteractionAt));
    }

    /** What rule 1 looks at, as the view carries it. */
    public Lifecycle.Profile profile() {
        return new Lifecycle.Profile(country, region, sector, employeeCount, Decimal.valueOf(annualRevenue), quoteRequested,
                webFormReceived, websiteVisits);
    }
}
