package dev.funnel.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import dev.funnel.campaign.Campaign;
import dev.funnel.campaign.CampaignChannel;
import dev.funnel.campaign.CampaignView;
import dev.funnel.common.Decimal;
import dev.funnel.common.Money;
import dev.funnel.common.NotFoundException;
import dev.funnel.common.ValidationException;
import dev.funnel.team.Team;
import dev.funnel.team.TeamService;

/**
 * Campaign performance (docs/funnel.md, "Campaign performance"): two statements whatever the
 * number of campaigns (results and revenue, costs) and one for the campaigns themselves.
 */
@ApplicationScoped
public class CampaignPerformanceService {

    private final TeamService teams;
    private final EntityManager em;

    public CampaignPerformanceService(TeamService teams, EntityManager em) {
        this.teams = teams;
        this.em = em;
    }

    public CampaignPerformanceView performance(String teamCode, LocalDate from, LocalDate to, Attribution attribution) {
        Team team = teams.find(teamCode).orElseThrow(() -> new NotFoundException("team", teamCode));
        if (to.isBefore(from)) {
            throw new ValidationException("to", "to must be on or after from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= FunnelService.MAX_DAYS) {
            throw new ValidationException("to", "a period covers at most " + FunnelService.MAX_DAYS + " days");
        }
        String order = attribution == Attribution.LAST_TOUCH ? "desc" : "asc";
        // each contact a campaign of the team touched in the period, credited to its first (or last) touch as of
        // the end of the period, when that touch is in the period: what a report says does not change with later touches
        String credited = "with touched as (select distinct t.contact_id from campaign k join campaign_touch t"
                + " on t.campaign_id = k.id where k.team_id = :team and t.at >= :from and t.at < :to),"
                + " credited as materialized (select x.contact_id, c.campaign_id from touched x cross join lateral"
                + " (select t.campaign_id, t.at from campaign_touch t where t.contact_id = x.contact_id and t.at < :to"
                + " order by t.at " + order + ", t.id " + order + " limit 1) c where c.at >= :from),"
                // materialized: the furthest stage is looked up once per contact, not once per count that reads it
                + " reached as materialized (select a.campaign_id, (select max(case s.to_stage when 'LEAD' then 2"
                + " when 'PROSPECT' then 3 when 'CLIENT' then 4 else 1 end) from stage_change s"
                + " where s.contact_id = a.contact_id and s.at < :to) as best from credited a)";
        // one statement, the credited contacts found once: per campaign, rows R (reached, leads, prospects,
        // clients) and V (revenue in one currency)
        Map<Long, long[]> reached = new HashMap<>();
        Map<Long, Map<String, BigDecimal>> revenue = new HashMap<>();
        for (Object[] r : rows(bind(em.createNativeQuery(credited + " select 'R' as kind, campaign_id, cast(null as text),"
                + " count(*), count(*) filter (where best >= 2), count(*) filter (where best >= 3),"
                + " count(*) filter (where best >= 4), cast(null as numeric) from reached group by campaign_id"
                + " union all select 'V', a.campaign_id, i.currency, null, null, null, null, sum(i.net_total)"
                + " from credited a join invoice i on i.contact_id = a.contact_id where i.issued_at >= :from and i.issued_at < :to"
                + " group by a.campaign_id, i.currency"), team, from, to))) {
            long campaign = ((Number) r[1]).longValue();
            if ("R".equals(r[0])) {
                reached.put(campaign, new long[] { n(r[3]), n(r[4]), n(r[5]), n(r[6]) });
            } else {
                revenue.computeIfAbsent(campaign, k -> new TreeMap<>()).put((String) r[2], (BigDecimal) r[7]);
            }
        }
        Map<Long, BigDecimal> costs = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery("select k.id, sum(cc.amount) from campaign k join campaign_cost cc"
                + " on cc.campaign_id = k.id where k.team_id = ?1 and cc.incurred_on >= ?2 and cc.incurred_on <= ?3 group by k.id")
                .setParameter(1, team.id).setParameter(2, from).setParameter(3, to))) {
            costs.put(((Number) r[0]).longValue(), (BigDecimal) r[1]);
        }
        // the campaigns that ran in the period, and any that reached contacts or cost money in it
        List<Long> active = new ArrayList<>(reached.keySet());
        active.addAll(costs.keySet());
        active.add(-1L); // never empty
        List<Campaign> campaigns = Campaign.<Campaign>list("teamId = ?1 and ((startsOn <= ?3 and (endsOn is null or endsOn >= ?2))"
                + " or id in ?4) order by lower(name), id", team.id, from, to, active);

        List<CampaignResultView> results = new ArrayList<>();
        Map<CampaignChannel, Totals> channels = new EnumMap<>(CampaignChannel.class);
        for (Campaign k : campaigns) {
            long[] r = reached.getOrDefault(k.id, new long[4]);
            Map<String, BigDecimal> income = revenue.getOrDefault(k.id, Map.of());
            BigDecimal cost = costs.getOrDefault(k.id, BigDecimal.ZERO);
            results.add(new CampaignResultView(CampaignView.of(k), (int) r[0], (int) r[1], (int) r[2], (int) r[3],
                    monies(income), Money.of(cost, k.currency), per(cost, r[1], k.currency), per(cost, r[2], k.currency),
                    per(cost, r[3], k.currency), roi(income.get(k.currency), cost), note(income, cost, k.currency)));
            channels.computeIfAbsent(k.channel, c -> new Totals()).add(r, income, k.currency, cost);
        }
        List<ChannelResultView> byChannel = new ArrayList<>();
        channels.forEach((channel, t) -> byChannel.add(t.view(channel)));
        byChannel.sort(Comparator.comparing(ChannelResultView::channel));
        return new CampaignPerformanceView(team.code, from, to, attribution, results, byChannel);
    }

    // ------------------------------------------------------------------ arithmetic, exact

    /** A channel's campaigns added up. */
    private static final class Totals {
        int campaigns;
        final long[] counts = new long[4];
        final Map<String, BigDecimal> revenue = new TreeMap<>();
        final Map<String, BigDecimal> cost = new TreeMap<>();

        void add(long[] r, Map<String, BigDecimal> income, String currency, BigDecimal spent) {
            campaigns++;
            for (int i = 0; i < 4; i++) {
                counts[i] += r[i];
            }
            income.forEach((cur, amount) -> revenue.merge(cur, amount, BigDecimal::add));
            if (spent.signum() != 0) {
                // a campaign that cost nothing in the period has no currency to add
                cost.merge(currency, spent, BigDecimal::add);
            }
        }

        ChannelResultView view(CampaignChannel channel) {
            String currency = cost.size() == 1 ? cost.keySet().iterator().next() : null;
            BigDecimal spent = currency == null ? null : cost.get(currency);
            String note = cost.isEmpty() ? "no cost recorded in the period: no cost per contact nor ROI"
                    : currency == null ? "costs in several currencies: no cost per contact nor ROI"
                    : note(revenue, spent, currency);
            return new ChannelResultView(channel, campaigns, (int) counts[0], (int) counts[1], (int) counts[2],
                    (int) counts[3], monies(revenue), monies(cost), currency == null ? null : per(spent, counts[1], currency),
                    currency == null ? null : per(spent, counts[2], currency), currency == null ? null : per(spent, counts[3], currency),
                    currency == null ? null : roi(revenue.get(currency), spent), note);
        }
    }

    private static List<Money> monies(Map<String, BigDecimal> amounts) {
        return amounts.entrySet().stream().map(e -> Money.of(e.getValue(), e.getKey())).toList();
    }

    private static Money per(BigDecimal cost, long count, String currency) {
        if (count == 0 || cost.signum() == 0) {
            return null;
        }
        return Money.of(cost.divide(BigDecimal.valueOf(count), Money.minorDigits(currency), RoundingMode.HALF_UP), currency);
    }

    private static Decimal roi(BigDecimal revenue, BigDecimal cost) {
        if (cost.signum() == 0) {
            return null;
        }
        BigDecimal income = revenue == null ? BigDecimal.ZERO : revenue;
        return Decimal.of(income.subtract(cost).divide(cost, 4, RoundingMode.HALF_UP));
    }

    private static String note(Map<String, BigDecimal> revenue, BigDecimal cost, String currency) {
        List<String> notes = new ArrayList<>();
        if (cost.signum() == 0) {
            notes.add("no cost recorded in the period: no cost per contact nor ROI");
        }
        if (revenue.keySet().stream().anyMatch(c -> !c.equals(currency))) {
            notes.add("revenue in currencies other than " + currency + " is not in the ROI");
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    private static Query bind(Query q, Team team, LocalDate from, LocalDate to) {
        return q.setParameter("team", team.id).setParameter("from", from.atStartOfDay().atOffset(ZoneOffset.UTC))
                .setParameter("to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
