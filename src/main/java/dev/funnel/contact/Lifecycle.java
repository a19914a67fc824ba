package dev.funnel.contact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.funnel.common.InvalidTransitionException;
import dev.funnel.interaction.Channel;
import dev.funnel.interaction.Direction;

/**
 * The lifecycle rules of README.md ("The lifecycle, as Funnel applies it"), and nothing else: which stage a contact moves to and why,
 * its temperature, and whether it belongs on the follow-up list. Pure functions of their
 * arguments (no CDI, no database, no clock), so that every rule is driven by a unit test.
 * Services apply the moves; nothing else decides a stage.
 *
 * <pre>
 * SUSPECT --qualify--> LEAD --two-way exchange--> PROSPECT --quote converted--> CLIENT
 *    \__________________ disqualify (reason) ________/--> DISQUALIFIED --reopen--> stage left
 * </pre>
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** A stage change to apply and record. {@code from} is null when a contact enters the funnel. */
    public record Move(Stage from, Stage to, StageTrigger trigger) {
    }

    // ---------------------------------------------------------------- rule 1: qualification

    /** What a team targets; a null or empty criterion means "no constraint". */
    public record Criteria(Set<String> countries, Set<String> regions, Set<String> sectors,
            Integer minEmployees, Integer maxEmployees, BigDecimal minAnnualRevenue, int interestWebsiteVisits) {
    }

    /** What is known of a contact that rule 1 looks at. */
    public record Profile(String country, String region, String sector, Integer employeeCount,
            BigDecimal annualRevenue, boolean quoteRequested, boolean webFormReceived, int websiteVisits) {
    }

    /** The criteria rule 1 checks, in the order they are reported. */
    public enum Criterion {
        COUNTRY, REGION, SECTOR, MIN_EMPLOYEES, MAX_EMPLOYEES, MIN_ANNUAL_REVENUE, INTEREST
    }

    public record CriterionResult(Criterion criterion, boolean passed, String reason) {
    }

    /** {@code qualified} is true when every criterion passed, interest included. */
    public record Qualification(boolean qualified, List<CriterionResult> results) {
    }

    /** Rule 1: checks a contact against its team's criteria and says why each one passed or failed. */
    public static Qualification qualification(Profile p, Criteria c) {
        List<CriterionResult> results = new ArrayList<>();
        results.add(among(Criterion.COUNTRY, "country", p.country(), c.countries()));
        results.add(among(Criterion.REGION, "region", p.region(), c.regions()));
        results.add(among(Criterion.SECTOR, "sector", p.sector(), c.sectors()));
        if (c.minEmployees() != null) {
            results.add(p.employeeCount() == null
                    ? fail(Criterion.MIN_EMPLOYEES, "employee count unknown; the team requires at least " + c.minEmployees())
                    : check(Criterion.MIN_EMPLOYEES, p.employeeCount() >= c.minEmployees(),
                            p.employeeCount() + " employees; the team requires at least " + c.minEmployees()));
        }
        if (c.maxEmployees() != null) {
            results.add(p.employeeCount() == null
                    ? fail(Criterion.MAX_EMPLOYEES, "employee count unknown; the team requires at most " + c.maxEmployees())
                    : check(Criterion.MAX_EMPLOYEES, p.employeeCount() <= c.maxEmployees(),
                            p.employeeCount() + " employees; the team requires at most " + c.maxEmployees()));
        }
        if (c.minAnnualRevenue() != null) {
            results.add(p.annualRevenue() == null
                    ? fail(Criterion.MIN_ANNUAL_REVENUE,
                            "annual revenue unknown; the team requires at least " + c.minAnnualRevenue().toPlainString())
                    : check(Criterion.MIN_ANNUAL_REVENUE, p.annualRevenue().compareTo(c.minAnnualRevenue()) >= 0,
                            "annual revenue " + p.annualRevenue().toPlainString() + "; the team requires at least "
                                    + c.minAnnualRevenue().toPlainString()));
        }
        results.add(interest(p, c));
        results.removeIf(r -> r == null);
        return new Qualification(results.stream().allMatch(CriterionResult::passed), List.copyOf(results));
    }

    private static CriterionResult among(Criterion criterion, String what, String value, Set<String> targets) {
        if (targets == null || targets.isEmpty()) {
            return null;
        }
        String wanted = String.join(", ", targets.stream().sorted().toList());
        if (value == null) {
            return fail(criterion, what + " unknown; the team targets " + wanted);
        }
        boolean hit = targets.stream().anyMatch(t -> t.equalsIgnoreCase(value));
        return check(criterion, hit, what + " " + value + (hit ? " is" : " is not") + " among the team's targets ("
                + wanted + ")");
    }

    private static CriterionResult interest(Profile p, Criteria c) {
        if (p.quoteRequested()) {
            return new CriterionResult(Criterion.INTEREST, true, "asked for a quote");
        }
        if (p.webFormReceived()) {
            return new CriterionResult(Criterion.INTEREST, true, "filled a web form");
        }
        if (p.websiteVisits() >= c.interestWebsiteVisits()) {
            return new CriterionResult(Criterion.INTEREST, true, p.websiteVisits() + " website visits");
        }
        return fail(Criterion.INTEREST, "no interest shown yet: no quote request, no web form, "
                + p.websiteVisits() + " of " + c.interestWebsiteVisits() + " website visits");
    }

    private static CriterionResult check(Criterion criterion, boolean passed, String reason) {
        return new CriterionResult(criterion, passed, reason);
    }

    private static CriterionResult fail(Criterion criterion, String reason) {
        return new CriterionResult(criterion, false, reason);
    }

    /** Rule 1, automatic: a suspect that qualifies becomes a lead. */
    public static Optional<Move> afterProfileChange(Stage stage, Qualification qualification) {
        if (stage == Stage.SUSPECT && qualification.qualified()) {
            return Optional.of(new Move(Stage.SUSPECT, Stage.LEAD, StageTrigger.CRITERIA));
        }
        return Optional.empty();
    }

    /**
     * Rule 1, automatic, for a contact whose lead status is known: a lead sales rejected to nurture
     * is qualified again only by hand, not by the criteria it already met.
     */
    public static Optional<Move> afterProfileChange(Stage stage, LeadStatus leadStatus, Qualification qualification) {
        return leadStatus == LeadStatus.REJECTED ? Optional.empty() : afterProfileChange(stage, qualification);
    }

    // ---------------------------------------------------------------- MQL and SQL

    /** Sales accepts a marketing-qualified lead: it stays a lead, sales-qualified. */
    public static Move acceptLead(Stage stage, LeadStatus status) {
        if (stage != Stage.LEAD || status != LeadStatus.MQL) {
            throw refused("accept", stage, stage == Stage.LEAD ? "the lead was already accepted" : "only a lead can be accepted");
        }
        return new Move(Stage.LEAD, Stage.LEAD, StageTrigger.SALES_ACCEPTED);
    }

    /** Sales rejects a marketing-qualified lead back to nurture: a suspect again. */
    public static Move rejectLead(Stage stage, LeadStatus status) {
        if (stage != Stage.LEAD || status != LeadStatus.MQL) {
            throw refused("reject", stage, stage == Stage.LEAD ? "the lead was already accepted; disqualify it instead"
                    : "only a lead can be rejected");
        }
        return new Move(Stage.LEAD, Stage.SUSPECT, StageTrigger.SALES_REJECTED);
    }

    /** Rule 1, by hand: only a suspect can be qualified. */
    public static Move qualify(Stage stage) {
        if (stage != Stage.SUSPECT) {
            throw refused("qualify", stage, "only a suspect can be qualified");
        }
        return new Move(Stage.SUSPECT, Stage.LEAD, StageTrigger.MANUAL);
    }

    /** A contact outside the funnel (a partner, a supplier...) enters it as a suspect. */
    public static Move enterFunnel(Stage stage) {
        if (stage != null) {
            throw refused("add to the funnel", stage, "the contact is already in the funnel");
        }
        return new Move(null, Stage.SUSPECT, StageTrigger.CREATION);
    }

    // ---------------------------------------------------------------- rule 2: two-way exchange

    /**
     * Rule 2: a lead becomes a prospect on the first inbound, conversational interaction that
     * follows an outbound one. A website visit is inbound but answers nothing.
     */
    public static Optional<Move> afterInteraction(Stage stage, Direction direction, Channel channel,
            boolean followsOutbound) {
        if (stage == Stage.LEAD && direction == Direction.INBOUND && channel.conversational() && followsOutbound) {
            return Optional.of(new Move(Stage.LEAD, Stage.PROSPECT, StageTrigger.TWO_WAY_EXCHANGE));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- rule 3: becoming a client

    /**
     * Rule 3: a converted quote, or a purchase order, makes a lead or a prospect a client. A
     * lead passes through PROSPECT first (a purchase is a two-way exchange), so no stage is
     * skipped silently: both moves are recorded.
     */
    public static List<Move> purchase(Stage stage, StageTrigger trigger) {
        if (stage == Stage.PROSPECT) {
            return List.of(new Move(Stage.PROSPECT, Stage.CLIENT, trigger));
        }
        if (stage == Stage.LEAD) {
            return List.of(new Move(Stage.LEAD, Stage.PROSPECT, StageTrigger.TWO_WAY_EXCHANGE),
                    new Move(Stage.PROSPECT, Stage.CLIENT, trigger));
        }
        if (stage == Stage.CLIENT) {
            return List.of();
        }
        throw refused("make a client of", stage, "only a lead or a prospect can buy");
    }

    // ---------------------------------------------------------------- rule 4: disqualify, reopen

    /** Rule 4: any contact of the funnel that is not a client can be disqualified. */
    public static Move disqualify(Stage stage) {
        if (stage == Stage.SUSPECT || stage == Stage.LEAD || stage == Stage.PROSPECT) {
            return new Move(stage, Stage.DISQUALIFIED, StageTrigger.MANUAL);
        }
        throw refused("disqualify", stage, stage == Stage.CLIENT ? "a client is retained, not disqualified"
                : "only a suspect, a lead or a prospect can be disqualified");
    }

    /** Rule 4: a disqualified contact goes back to the stage it left. */
    public static Move reopen(Stage stage, Stage left) {
        if (stage != Stage.DISQUALIFIED || left == null) {
            throw refused("reopen", stage, "only a disqualified contact can be reopened");
        }
        return new Move(Stage.DISQUALIFIED, left, StageTrigger.REOPEN);
    }

    private static InvalidTransitionException refused(String action, Stage stage, String why) {
        return new InvalidTransitionException("Cannot " + action + " a contact "
                + (stage == null ? "outside the funnel" : "at stage " + stage) + ": " + why);
    }

    // ---------------------------------------------------------------- rule 6: temperature

    /** Temperature applies to leads and prospects only. */
    public static boolean hasTemperature(Stage stage) {
        return stage == Stage.LEAD || stage == Stage.PROSPECT;
    }

    /**
     * Rule 6: derived from how the contact came in. A web form or a quote request is hot; interest
     * shown before any outreach (an inbound source, or an inbound first touch) is warm; a contact
     * engaged only after our outbound campaign is cold.
     */
    public static Temperature derivedTemperature(Source source, boolean webFormReceived, boolean quoteRequested,
            Direction firstTouch) {
        if (webFormReceived || quoteRequested) {
            return Temperature.HOT;
        }
        if (source.inbound() || firstTouch == Direction.INBOUND) {
            return Temperature.WARM;
        }
        return Temperature.COLD;
    }

    /** The temperature a contact shows: the hand-set one wins over the derived one; none outside LEAD and PROSPECT. */
    public static Temperature effectiveTemperature(Stage stage, Temperature override, Temperature derived) {
        if (!hasTemperature(stage)) {
            return null;
        }
        return override != null ? override : derived;
    }

    /** Rule 6, by hand: only a lead's or a prospect's temperature can be set. */
    public static void checkTemperatureOverride(Stage stage) {
        if (!hasTemperature(stage)) {
            throw refused("set the temperature of", stage, "temperature applies to leads and prospects only");
        }
    }

    // ---------------------------------------------------------------- rule 7: follow-up

    /** Per-team caps: N touches in D days hold a contact back; M unanswered touches suggest disqualification. */
    public record FollowUpCaps(int maxTouches, int windowDays, int unresponsiveAfter) {
    }

    /** Only leads and prospects are followed up. */
    public static final Collection<Stage> FOLLOW_UP_STAGES = List.of(Stage.LEAD, Stage.PROSPECT);

    /**
     * Rule 7, perseverance without annoyance: held back from the list when {@code touchesInWindow}
     * unanswered outbound touches fell within the team's window.
     */
    public static boolean heldBack(int unansweredTouchesInWindow, FollowUpCaps caps) {
        return unansweredTouchesInWindow >= caps.maxTouches();
    }

    /** Rule 7: after M unanswered touches the contact is proposed for disqualification as unresponsive. */
    public static Optional<DisqualificationReason> suggestedDisqualification(Stage stage, int unansweredTouches,
            FollowUpCaps caps) {
        if (stage != null && FOLLOW_UP_STAGES.contains(stage) && unansweredTouches >= caps.unresponsiveAfter()) {
            return Optional.of(DisqualificationReason.UNRESPONSIVE);
        }
        return Optional.empty();
    }

    /**
     * Rule 7, the order of the list: hot first, then warm before cold, then the longest waiting.
     * This rank is what the follow-up query sorts on.
     */
    public static int followUpRank(Temperature temperature) {
        if (temperature == null) {
            return 3;
        }
        return switch (temperature) {
            case HOT -> 0;
            case WARM -> 1;
            case COLD -> 2;
        };
    }
}
