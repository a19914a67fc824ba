package dev.funnel.report;

import java.time.OffsetDateTime;

/**
 * The SQL of one funnel (docs/funnel.md, "How it is computed"): a team, a period [from, to), a
 * cohort and a grouping. Every figure and every drill-down list is read through {@link #stays()},
 * so a count and the contacts behind it can never disagree. The cohort is found through an index
 * on the period (contacts by creation time, or stage changes by time), and only the stage changes
 * of the period are read: the cost follows the period, not the team's whole history.
 */
record FunnelQuery(long teamId, String teamCode, OffsetDateTime from, OffsetDateTime to, FunnelCohort cohort,
        FunnelGrouping groupBy) {

    /** Stage order; null for DISQUALIFIED, which is not a step of the funnel. */
    private static final String RANK = "case %s when 'SUSPECT' then 1 when 'LEAD' then 2 when 'PROSPECT' then 3"
            + " when 'CLIENT' then 4 end";

    /** The group of a contact {@code c}, as text; null when the contact has none. */
    String group() {
        if (groupBy == null) {
            return "cast(null as text)";
        }
        return switch (groupBy) {
            case SOURCE -> "c.source";
            case TEMPERATURE -> "c.temperature";
            case OWNER -> "c.owner";
            case CAMPAIGN -> "cast(c.first_campaign_id as text)";
            case CHANNEL -> "(select k.channel from campaign k where k.id = c.first_campaign_id)";
        };
    }

    /**
     * The cohort: id and group of each contact it follows. An active cohort is found from the stage
     * changes of the period, then each of its contacts by primary key ({@code offset 0} keeps that
     * lookup per contact: joined instead, the planner reads every contact of the team to find the
     * few that changed in a short period).
     */
    String cohortSql() {
        if (cohort == FunnelCohort.CREATED) {
            return "select c.id, " + group() + " as g from contact c where c.team_id = :team"
                    + " and c.created_at >= :from and c.created_at < :to";
        }
        return "select c.id, c.g from (select distinct s.contact_id from stage_change s where s.team_id = :team"
                + " and s.at >= :from and s.at < :to) a cross join lateral (select c.id, " + group() + " as g"
                + " from contact c where c.id = a.contact_id and c.team_id = :team offset 0) c";
    }

    /** An entry into LEAD that makes a contact marketing-qualified: from another stage, and not a reopen. */
    private static final String MQL_ENTRY = "to_stage = 'LEAD' and from_stage is distinct from 'LEAD' and trigger <> 'REOPEN'";
    private static final String DECISION = "trigger in ('SALES_ACCEPTED', 'SALES_REJECTED')";

    /**
     * The cohort, and the stage changes of the period of its contacts ({@code moves}), each read
     * once: a statement that reads them twice (the stays and the hand-off) gets them from here.
     */
    private String cohortAndMoves() {
        return "with cohort as materialized (" + cohortSql() + "),"
                + " moves as materialized (select s.id, s.contact_id, s.from_stage, s.to_stage, s.trigger, s.at, cohort.g"
                + " from stage_change s join cohort on cohort.id = s.contact_id"
                + " where s.team_id = :team and s.at >= :from and s.at < :to)";
    }

    /**
     * Each stay of a cohort contact in a stage of the funnel, begun in the period ({@code ranked}):
     * the stage, when it began, the stage and time of the move that ended it (null while it lasts),
     * and {@code last}, true for the contact's last stay in that stage, whose end is the contact's
     * outcome there. Moves that keep the stage (a lead accepted by sales) neither begin nor end a
     * stay. One window, each contact's moves newest first: the move after a stay is the one before
     * it in that order, and a stay is the last in its stage when it is the first of that stage.
     */
    private String stays() {
        StringBuilder last = new StringBuilder("case to_stage");
        for (String stage : new String[] { "SUSPECT", "LEAD", "PROSPECT" }) {
            last.append(" when '").append(stage).append("' then count(*) filter (where to_stage = '").append(stage)
                    .append("') over w");
        }
        last.append(" else count(*) filter (where to_stage = 'CLIENT') over w end = 1");
        return ", stays as (select contact_id, g, to_stage as stage, at, lag(to_stage) over w as next_stage,"
                + " lag(at) over w as next_at, " + last + " as last"
                + " from moves where from_stage is distinct from to_stage"
                + " window w as (partition by contact_id order by at desc, id desc)),"
                + " ranked as (select stays.*, " + RANK.formatted("stage") + " as rank, " + RANK.formatted("next_stage")
                + " as next_rank from stays where stage in ('SUSPECT', 'LEAD', 'PROSPECT', 'CLIENT'))";
    }

    /**
     * MQL to SQL ({@code decided}): each cohort contact's last entry into LEAD in the period (a
     * reopen is not one), and the first decision of sales after it (accepted, rejected) before the
     * end. Only entries and decisions are read, newest first: the decisions after the last entry
     * are those with no entry after them.
     */
    private static String handoff() {
        return ", leads as (select contact_id, g, at, id, trigger, " + MQL_ENTRY + " as entry,"
                + " count(*) filter (where " + MQL_ENTRY + ") over (partition by contact_id order by at desc, id desc)"
                + " as entries_after from moves where (" + MQL_ENTRY + ") or " + DECISION + "),"
                + " decided as (select g, max(at) filter (where entry) as mql_at,"
                + " (array_agg(trigger order by at, id) filter (where entries_after = 0 and not entry))[1] as trigger,"
                + " min(at) filter (where entries_after = 0 and not entry) as decided_at"
                + " from leads group by contact_id, g having bool_or(entry))";
    }

    /**
     * Every figure of the funnel, in one statement whatever the number of groups, one row per
     * figure set, told apart by {@code kind}; {@code whole} (grouping(g) = 1) marks the rows of the
     * whole cohort. Columns: kind, whole, g, stage, then
     * <ul>
     * <li>{@code S} (per group and stage): the count of each {@link FunnelOutcome}, then the median
     * and 90th percentile of the time in stage, in seconds;</li>
     * <li>{@code C} (per group): the cohort's contacts;</li>
     * <li>{@code H} (per group): leads qualified, accepted, rejected, two empty columns, then the
     * median and 90th percentile of the hand-off time, in seconds.</li>
     * </ul>
     */
    String figuresSql() {
        StringBuilder sql = new StringBuilder(cohortAndMoves()).append(stays()).append(handoff())
                .append(" select 'S' as kind, grouping(g) as whole, g, stage");
        for (FunnelOutcome outcome : FunnelOutcome.values()) {
            sql.append(", count(*) filter (where last and ").append(outcome.condition).append(")");
        }
        return sql.append(", ").append(percentiles("next_at - at", "next_at"))
                .append(" from ranked group by grouping sets ((g, stage), (stage))")
                .append(" union all select 'C', grouping(g), g, null, count(*), null, null, null, null, null, null")
                .append(" from cohort group by grouping sets ((g), ())")
                .append(" union all select 'H', grouping(g), g, null, count(*),")
                .append(" count(*) filter (where trigger = 'SALES_ACCEPTED'), count(*) filter (where trigger = 'SALES_REJECTED'),")
                .append(" null, null, ").append(percentiles("decided_at - mql_at", "decided_at"))
                .append(" from decided group by grouping sets ((g), ())").toString();
    }

    private static String percentiles(String interval, String known) {
        return "percentile_cont(0.5) within group (order by extract(epoch from " + interval + ")) filter (where " + known
                + " is not null), percentile_cont(0.9) within group (order by extract(epoch from " + interval
                + ")) filter (where " + known + " is not null)";
    }

    /** The contacts behind one count, by id, from {@code :after} on (forward) or before {@code :after} (backward). */
    String contactsSql(boolean whole, FunnelOutcome outcome, boolean hasCursor, boolean backward) {
        return cohortAndMoves() + stays() + " select contact_id from ranked where last and stage = :stage and " + outcome.condition
                + (whole ? "" : " and g is not distinct from cast(:g as text)")
                + (hasCursor ? (backward ? " and contact_id < :after" : " and contact_id > :after") : "")
                + " order by contact_id" + (backward ? " desc" : "") + " limit :n";
    }
}
