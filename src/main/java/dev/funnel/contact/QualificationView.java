package dev.funnel.contact;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Qualification")
@Description("How a contact measures against its team's qualification criteria.")
public record QualificationView(
        @NonNull @Description("True when every criterion passes, interest included: a suspect then becomes a lead.") boolean qualified,
        @NonNull @Description("Each criterion the team set, plus interest, passed or failed, and why.") List<@NonNull Check> checks) {

    @Enum("QualificationCriterion")
    @Description("A qualification criterion.")
    public enum Criterion {
        @Description("Country among the team's target countries.")
        COUNTRY,
        @Description("Region among the team's target regions.")
        REGION,
        @Description("Sector among the team's target sectors.")
        SECTOR,
        @Description("At least the team's minimum number of employees.")
        MIN_EMPLOYEES,
        @Description("At most the team's maximum number of employees.")
        MAX_EMPLOYEES,
        @Description("At least the team's minimum annual revenue.")
        MIN_ANNUAL_REVENUE,
        @Description("Showed interest: a quote request, a web form, or repeated website visits.")
        INTEREST
    }

    @Type("QualificationCheck")
    @Description("One criterion, passed or failed.")
    public record Check(
            @NonNull @Description("The criterion.") Criterion criterion,
            @NonNull @Description("Whether the contact meets it.") boolean passed,
            @NonNull @Description("Why, in words: the contact's value against the team's.") String reason) {
    }

    static QualificationView of(Lifecycle.Qualification q) {
        return new QualificationView(q.qualified(), q.results().stream()
                .map(r -> new Check(Criterion.valueOf(r.criterion().name()), r.passed(), r.reason())).toList());
    }
}
