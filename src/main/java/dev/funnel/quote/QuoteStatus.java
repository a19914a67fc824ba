package dev.funnel.quote;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("QuoteStatus")
@Description("Where a quote stands. A draft, sent or accepted quote past its validity date reads as EXPIRED.")
public enum QuoteStatus {
    @Description("Being written; not sent to the contact yet.")
    DRAFT,
    @Description("Sent to the contact, awaiting an answer.")
    SENT,
    @Description("Accepted by the contact; ready to be converted into an invoice.")
    ACCEPTED,
    @Description("Declined by the contact.")
    DECLINED,
    @Description("Past its validity date before it was converted.")
    EXPIRED,
    @Description("Converted into an invoice.")
    CONVERTED
}
