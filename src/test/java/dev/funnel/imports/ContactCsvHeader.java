package dev.funnel.imports;

import java.util.List;

/** The export's header, as docs/imports.md lists it: written out here, so that a change to the format shows in a test. */
final class ContactCsvHeader {

    static final List<String> HEADER = List.of("id", "externalId", "kind", "displayName", "email", "phone", "organizationId", "roles",
            "source", "country", "region", "sector", "employeeCount", "annualRevenue", "decisionMaker", "knownNeed", "hasBudget",
            "offerKnowledge", "websiteVisits", "welcomesProposal", "owner", "stage", "temperature", "leadStatus", "firstCampaignId",
            "lastCampaignId", "createdAt", "updatedAt", "lastInteractionAt");

    private ContactCsvHeader() {
    }
}
