package dev.funnel.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import dev.funnel.common.Cursor;
import dev.funnel.common.Decimal;
import dev.funnel.common.Ids;
import dev.funnel.common.Page;
import dev.funnel.common.PageRequest;
import dev.funnel.common.ValidationException;
import dev.funnel.contact.Contact;
import dev.funnel.contact.ContactConnection;
import dev.funnel.contact.ContactService;
import dev.funnel.contact.Stage;
import dev.funnel.team.Team;
import dev.funnel.team.TeamMembers;
import dev.funnel.team.TeamService;

/**
 * The funnel of a team over a period (docs/funnel.md): two statements whatever the number of
 * groups (every figure, then the groups' labels), and one per count opened.
 */
@ApplicationScoped
public class FunnelService {

    /** The longest period a funnel covers. */
    static final int MAX_DAYS = 3660;

    private static final List<Stage> STAGES = List.of(Stage.SUSPECT, Stage.LEAD, Stage.PROSPECT, Stage.CLIENT);

    private final TeamService teams;
    private final TeamMembers members;
    private final ContactService contacts;
    private final EntityManager em;

    public FunnelService(TeamService teams, TeamMembers members, ContactService contacts, EntityManager em) {
        this.teams = teams;
        this.members = members;
        this.contacts = contacts;
        this.em = em;
    }

    public FunnelView funnel(String teamCode, LocalDate from, LocalDate to, FunnelCohort cohort, FunnelGrouping groupBy) {
        Team team = teams.find(teamCode).orElseThrow(() -> new dev.funnel.common.NotFoundException("team", teamCode));
        if (to.isBefore(from)) {
            throw new ValidationException("to", "to must be on or after from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ValidationException("to", "a funnel covers at most " + MAX_DAYS + " days");
        }
        FunnelQuery q = new FunnelQuery(team.id, team.code, from.atStartOfDay().atOffset(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), cohort == null ? FunnelCohort.CREATED : cohort, groupBy);

        Map<Key, long[]> counts = new HashMap<>();
        Map<Key, Double[]> times = new HashMap<>();
        Map<Key, Long> sizes = new HashMap<>();
        Map<Key, LeadHandoffView> handoffs = new HashMap<>();
        for (Object[] r : rows(q, q.figuresSql())) {
            boolean whole = whole(r[1]);
            String group = (String) r[2];
            switch ((String) r[0]) {
                case "S" -> {
                    Key key = new Key(whole, group, (String) r[3]);
                    long[] c = new long[FunnelOutcome.values().length];
                    for (int i = 0; i < c.length; i++) {
                        c[i] = ((Number) r[4 + i]).longValue();
                    }
                    counts.put(key, c);
                    times.put(key, new Double[] { number(r[4 + c.length]), number(r[5 + c.length]) });
                }
                case "C" -> sizes.put(new Key(whole, group, null), ((Number) r[4]).longValue());
                case "H" -> {
                    long mql = ((Number) r[4]).longValue();
                    long accepted = ((Number) r[5]).longValue();
                    long rejected = ((Number) r[6]).longValue();
                    handoffs.put(new Key(whole, group, null), new LeadHandoffView(Math.toIntExact(mql),
                            Math.toIntExact(accepted), Math.toIntExact(rejected), Math.toIntExact(mql - accepted - rejected),
                            rate(accepted, accepted + rejected), hours(number(r[9])), hours(number(r[10]))));
                }
                default -> throw new IllegalStateException("funnel row of kind " + r[0]);
            }
        }

        FunnelGroupView total = group(q, true, null, null, sizes, counts, times, handoffs);
        List<FunnelGroupView> groups = new ArrayList<>();
        if (groupBy != null) {
            List<String> keys = sizes.keySet().stream().filter(k -> !k.whole()).map(Key::group).toList();
            Map<String, String> labels = labels(q, keys);
            for (String key : keys) {
                groups.add(group(q, false, key, labels.getOrDefault(key, key), sizes, counts, times, handoffs));
            }
            groups.sort(Comparator.comparing(FunnelGroupView::contacts).reversed()
                    .thenComparing(FunnelGroupView::label, Comparator.nullsLast(Comparator.naturalOrder())));
        }
        return new FunnelView(team.code, from, to, q.cohort(), groupBy, total, groups);
    }

    /** The contacts behind one count, by id. */
    public ContactConnection contacts(FunnelCountView count, PageRequest page) {
        FunnelQuery q = count.query();
        if (page.size() == 0 || count.count() == 0) {
            return ContactConnection.of(Page.empty(page, count.count()));
        }
        Cursor from = page.from();
        Query query = bind(em.createNativeQuery(q.contactsSql(count.whole(), count.outcome(), from != null, page.backward())), q)
                .setParameter("stage", count.stage().name()).setParameter("n", page.limit());
        if (!count.whole()) {
            query.setParameter("g", count.groupKey());
        }
        if (from != null) {
            query.setParameter("after", from.id());
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        List<Contact> found = contacts.byIds(ids.stream().map(Number::longValue).toList());
        return ContactConnection.of(Page.of(found.stream().filter(Objects::nonNull).toList(), page, count.count()));
    }

    // ------------------------------------------------------------------ shaping

    private FunnelGroupView group(FunnelQuery q, boolean whole, String key, String label, Map<Key, Long> sizes,
            Map<Key, long[]> counts, Map<Key, Double[]> times, Map<Key, LeadHandoffView> handoffs) {
        long suspects = counts.getOrDefault(new Key(whole, key, Stage.SUSPECT.name()), new long[5])[0];
        List<FunnelStageView> stages = new ArrayList<>();
        for (Stage stage : STAGES) {
            Key k = new Key(whole, key, stage.name());
            long[] c = counts.getOrDefault(k, new long[FunnelOutcome.values().length]);
            Double[] t = times.getOrDefault(k, new Double[2]);
            FunnelCountView[] cells = new FunnelCountView[c.length];
            for (FunnelOutcome outcome : FunnelOutcome.values()) {
                cells[outcome.ordinal()] = new FunnelCountView(Math.toIntExact(c[outcome.ordinal()]), q, whole, key, stage, outcome);
            }
            stages.add(new FunnelStageView(stage, cells[0], cells[1], cells[2], cells[3], cells[4],
                    rate(c[FunnelOutcome.ADVANCED.ordinal()], c[0]), rate(c[0], suspects), days(t[0]), days(t[1])));
        }
        LeadHandoffView leads = handoffs.getOrDefault(new Key(whole, key, null), new LeadHandoffView(0, 0, 0, 0, null, null, null));
        return new FunnelGroupView(key == null || q.groupBy() != FunnelGrouping.CAMPAIGN ? key : Ids.encode("Campaign", Long.parseLong(key)),
                label, Math.toIntExact(sizes.getOrDefault(new Key(whole, key, null), 0L)), stages, leads);
    }

    /** The groups' labels: campaigns' names, owners' names; else the key itself. */
    private Map<String, String> labels(FunnelQuery q, List<String> keys) {
        Map<String, String> labels = new HashMap<>();
        List<String> present = keys.stream().filter(Objects::nonNull).toList();
        if (q.groupBy() == FunnelGrouping.CAMPAIGN && !present.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select cast(id as text), name from campaign where id = any (cast(?1 as bigint[]))")
                    .setParameter(1, present.stream().map(Long::valueOf).toArray(Long[]::new)).getResultList();
            rows.forEach(r -> labels.put((String) r[0], (String) r[1]));
        } else if (q.groupBy() == FunnelGrouping.OWNER && !present.isEmpty()) {
            members.of(present.stream().map(k -> q.teamId()).toList(), present)
                    .forEach(m -> labels.put(m.subject(), m.displayName()));
        }
        return labels;
    }

    private List<Object[]> rows(FunnelQuery q, String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql), q).getResultList();
        return rows;
    }

    private static Query bind(Query query, FunnelQuery q) {
        return query.setParameter("team", q.teamId()).setParameter("from", q.from()).setParameter("to", q.to());
    }

    private static boolean whole(Object grouping) {
        return ((Number) grouping).intValue() == 1;
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Decimal rate(long part, long whole) {
        return whole == 0 ? null : Decimal.of(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP));
    }

    private static Decimal days(Double seconds) {
        return seconds == null ? null : Decimal.of(BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(86_400), 4, RoundingMode.HALF_UP));
    }

    private static Decimal hours(Double seconds) {
        return seconds == null ? null : Decimal.of(BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3_600), 4, RoundingMode.HALF_UP));
    }

    /** A row of the statements: the whole or a group (null: contacts without one), and a stage (null for per-group figures). */
    private record Key(boolean whole, String group, String stage) {
        Key {
            if (whole) {
                group = null;
            }
        }
    }
}
