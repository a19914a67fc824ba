package dev.funnel.report;

import java.time.OffsetDateTime;

/**
 * The SQL of one funnel (docs/funnel.md, "How it is computed"): a team, a period [from, to), a
 * cohort and a grouping. Every figure and every drill-down list is read through {@link #STAYS},
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

    /** The cohort: id and group of each contact it follows. */
    String cohortSql() {
        String contacts = "select c.id, " + group() + " as g from contact c where c.team_id = :team and ";
        return cohort == FunnelCohort.CREATED
                ? contacts + "c.created_at >= :from and c.created_at < :to"
                : contacts + "c.id in (select s.contact_id from stage_change s where s.team_id = :team"
                        + " and s.at >= :from and s.at < :to)";
    }

    /**
     * Each stay of a cohort contact in a stage, begun in the period: the stage, when it began, the
     * stage and time of the move that ended it (null while it lasts), and from_last = 1 for the
     * contact's last stay in that stage, whose end is the contact's outcome there. Moves that keep
     * the stage (a lead accepted by sales) neither begin nor end a stay.
     */
    String stays() {
        return "with cohort as (" + cohortSql() + "),"
                + " moves as (select s.id, s.contact_id, s.to_stage, s.at, cohort.g from stage_change s"
                + " join cohort on cohort.id = s.contact_id where s.team_id = :team and s.at >= :from and s.at < :to"
                + " and s.from_stage is distinct from s.to_stage),"
                + " stays as (select contact_id, g, to_stage as stage, at, lead(to_stage) over w as next_stage,"
                + " lead(at) over w as next_at,"
                + " row_number() over (partition by contact_id, to_stage order by at desc, id desc) as from_last"
                + " from moves window w as (partition by contact_id order by at, id)),"
                + " ranked as (select stays.*, " + RANK.formatted("stage") + " as rank, " + RANK.formatted("next_stage")
                + " as next_rank from stays where stage in ('SUSPECT', 'LEAD', 'PROSPECT', 'CLIENT'))";
    }

    /** Per group and stage (and per stage for the whole: grouping(g) = 1): counts and times in stage. */
    String stagesSql() {
        StringBuilder sql = new StringBuilder(stays()).append(" select grouping(g) as whole, g, stage");
        for (FunnelOutcome outcome : FunnelOutcome.values()) {
            sql.append(", count(*) filter (where from_last = 1 and ").append(outcome.condition).append(")");
        }
        return sql.append(", percentile_cont(0.5) within group (order by extract(epoch from next_at - at))"
                + " filter (where next_at is not null),"
                + " percentile_cont(0.9) within group (order by extract(epoch from next_at - at))"
                + " filter (where next_at is not null)"
                + " from ranked group by grouping sets ((g, stage), (stage))").toString();
    }

    /** Contacts of the cohort per group, and in all (grouping(g) = 1). */
    String cohortSizesSql() {
        return "with cohort as (" + cohortSql() + ") select grouping(g) as whole, g, count(*) from cohort"
                + " group by grouping sets ((g), ())";
    }

    /**
     * MQL to SQL: each cohort contact's last entry into LEAD in the period (a reopen is not one),
     * and the first decision of sales after it (accepted, rejected) before the end.
     */
    String handoffSql() {
        String entry = "to_stage = 'LEAD' and from_stage is distinct from 'LEAD' and trigger <> 'REOPEN'";
        // one pass over each contact's moves in order (window functions, no self-join): the number of
        // entries into LEAD so far and the time of the latest; then, among the rows of the contact's last
        // entry (that entry and the moves after it), its first decision, if any
        return "with cohort as (" + cohortSql() + "),"
                + " moves as (select s.id, s.contact_id, s.from_stage, s.to_stage, s.trigger, s.at, cohort.g"
                + " from stage_change s join cohort on cohort.id = s.contact_id where s.team_id = :team"
                + " and s.at >= :from and s.at < :to),"
                + " marked as (select contact_id, g, trigger, at, id,"
                + " count(*) filter (where " + entry + ") over w as entry_no,"
                + " max(at) filter (where " + entry + ") over w as entry_at"
                + " from moves window w as (partition by contact_id order by at, id)),"
                + " last_entries as (select marked.*, max(entry_no) over (partition by contact_id) as last_no from marked),"
                + " decided as (select distinct on (contact_id) contact_id, g, entry_at as mql_at,"
                + " case when trigger in ('SALES_ACCEPTED', 'SALES_REJECTED') then trigger end as trigger,"
                + " case when trigger in ('SALES_ACCEPTED', 'SALES_REJECTED') then at end as decided_at"
                + " from last_entries where last_no > 0 and entry_no = last_no"
                + " order by contact_id, (trigger in ('SALES_ACCEPTED', 'SALES_REJECTED')) desc, at, id)"
                + " select grouping(g) as whole, g, count(*), count(*) filter (where trigger = 'SALES_ACCEPTED'),"
                + " count(*) filter (where trigger = 'SALES_REJECTED'),"
                + " percentile_cont(0.5) within group (order by extract(epoch from decided_at - mql_at))"
                + " filter (where decided_at is not null),"
                + " percentile_cont(0.9) within group (order by extract(epoch from decided_at - mql_at))"
                + " filter (where decided_at is not null)"
                + " from decided group by grouping sets ((g), ())";
    }

    /** The contacts behind one count, by id, from {@code :after} on (forward) or before {@code :after} (backward). */
    String contactsSql(boolean whole, FunnelOutcome outcome, boolean hasCursor, boolean backward) {
        return stays() + " select contact_id from ranked where from_last = 1 and stage = :stage and " + outcome.condition
                + (whole ? "" : " and g is not distinct from cast(:g as text)")
                + (hasCursor ? (backward ? " and contact_id < :after" : " and contact_id > :after") : "")
                + " order by contact_id" + (backward ? " desc" : "") + " limit :n";
    }
}
