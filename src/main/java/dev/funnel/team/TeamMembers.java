package dev.funnel.team;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.funnel.common.AfterCommit;
import dev.funnel.common.Times;
import dev.funnel.security.Caller;
import dev.funnel.security.Role;

/**
 * The users of each team, as Funnel has seen them work in it (docs/funnel.md, "Owners"): a sales
 * user or a manager who writes in a team becomes one of its members, under its token subject and
 * the name its token carries. An owner is a member. Each instance writes a member's row at most
 * once a day (the first write of the day refreshes its name and when it was last seen), so the
 * write paths pay for it once, not on every change.
 */
@ApplicationScoped
public class TeamMembers {

    /** A team's member: its token subject and the name shown for it. */
    public record Member(long teamId, String subject, String displayName) {
    }

    private final EntityManager em;
    private final Caller caller;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, LocalDate> seen = new ConcurrentHashMap<>();

    public TeamMembers(EntityManager em, Caller caller, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.caller = caller;
        this.transactions = transactions;
    }

    /** Records the caller as a member of the team it writes in, if it is a user (sales, manager); in the caller's transaction. */
    public void remember(long teamId) {
        String subject = caller.subject();
        if (subject == null || subject.isBlank() || !(caller.hasRole(Role.SALES) || caller.hasRole(Role.MANAGER))) {
            return;
        }
        String name = caller.displayName();
        String key = teamId + "\n" + subject + "\n" + name;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (today.equals(seen.get(key))) {
            return;
        }
        em.createNativeQuery("insert into team_member (team_id, subject, display_name, first_seen_at, last_seen_at)"
                + " values (?1, ?2, ?3, ?4, ?4) on conflict (team_id, subject)"
                + " do update set display_name = excluded.display_name, last_seen_at = excluded.last_seen_at")
                .setParameter(1, teamId).setParameter(2, subject).setParameter(3, name).setParameter(4, Times.now())
                .executeUpdate();
        // remembered once the row has committed: a first write that fails leaves the next one to record it
        AfterCommit.run(transactions, () -> seen.put(key, today));
    }

    /** The member of that team with that subject, if Funnel has seen it there. */
    public boolean isMember(long teamId, String subject) {
        return !em.createNativeQuery("select 1 from team_member where team_id = ?1 and subject = ?2")
                .setParameter(1, teamId).setParameter(2, subject).getResultList().isEmpty();
    }

    /** The members behind (team, subject) pairs, in order; a subject Funnel has not seen shows as itself. One statement. */
    public List<Member> of(List<Long> teamIds, List<String> subjects) {
        Map<String, String> names = new HashMap<>();
        List<Long> teams = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            if (subjects.get(i) != null) {
                teams.add(teamIds.get(i));
                keys.add(subjects.get(i));
            }
        }
        if (!keys.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select m.team_id, m.subject, m.display_name from team_member m"
                    + " join unnest(cast(?1 as bigint[]), cast(?2 as varchar[])) as k(team_id, subject)"
                    + " on m.team_id = k.team_id and m.subject = k.subject")
                    .setParameter(1, teams.toArray(Long[]::new)).setParameter(2, keys.toArray(String[]::new)).getResultList();
            for (Object[] row : rows) {
                names.put(((Number) row[0]).longValue() + "\n" + row[1], (String) row[2]);
            }
        }
        List<Member> members = new ArrayList<>(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            String subject = subjects.get(i);
            members.add(subject == null ? null
                    : new Member(teamIds.get(i), subject, names.getOrDefault(teamIds.get(i) + "\n" + subject, subject)));
        }
        return members;
    }

    /** Teams' members, by name, at most 1,000 a team: one statement. */
    public Map<Long, List<Member>> ofTeams(List<Long> teamIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select team_id, subject, display_name from (select m.*, row_number()"
                + " over (partition by team_id order by lower(display_name), subject) as n from team_member m"
                + " where team_id = any (cast(?1 as bigint[]))) m where n <= 1000 order by team_id, n")
                .setParameter(1, teamIds.toArray(Long[]::new)).getResultList();
        Map<Long, List<Member>> byTeam = new HashMap<>();
        for (Object[] r : rows) {
            long team = ((Number) r[0]).longValue();
            byTeam.computeIfAbsent(team, t -> new ArrayList<>()).add(new Member(team, (String) r[1], (String) r[2]));
        }
        return byTeam;
    }
}
