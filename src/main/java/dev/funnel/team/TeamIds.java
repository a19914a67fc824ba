package dev.funnel.team;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Team ids by code, remembered: a team's code never changes and teams are never deleted, so once
 * read, the id of a code holds for the life of the process. Every request needs its caller's team
 * ids; this spares it a statement. Codes not found (yet) are looked up again each time.
 */
@ApplicationScoped
public class TeamIds {

    private final ConcurrentMap<String, Long> byCode = new ConcurrentHashMap<>();

    /** The ids of the existing teams among these codes. */
    public List<Long> of(Set<String> codes) {
        Set<String> unknown = codes.stream().filter(c -> !byCode.containsKey(c)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            Team.findByCodes(unknown).forEach(t -> byCode.put(t.code, t.id));
        }
        return codes.stream().map(byCode::get).filter(Objects::nonNull).toList();
    }
}
