package dev.funnel.team;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.funnel.common.InputValidator;
import dev.funnel.common.NotFoundException;
import dev.funnel.common.Times;
import dev.funnel.common.ValidationException;
import dev.funnel.common.VersionConflictException;
import dev.funnel.event.EventType;
import dev.funnel.event.Events;
import dev.funnel.event.Payload;
import dev.funnel.security.Caller;

/** Teams the caller belongs to (every team for an admin), their settings, and new teams. */
@ApplicationScoped
public class TeamService {

    private final Caller caller;
    private final InputValidator validator;
    private final Events events;

    public TeamService(Caller caller, InputValidator validator, Events events) {
        this.events = events;
        this.caller = caller;
        this.validator = validator;
    }

    public Optional<Team> find(String code) {
        return caller.teams().stream().filter(t -> t.code.equals(code)).findFirst();
    }

    /** A team of the caller, by database id (for records already known to be visible). */
    public Team byId(long id) {
        return caller.teams().stream().filter(t -> t.id == id).findFirst()
                .orElseThrow(() -> new IllegalStateException("team " + id + " is not the caller's"));
    }

    /**
     * The team a new record goes to: the one named, if it is the caller's, or the caller's only
     * team. A team of someone else reads as unknown.
     */
    public Team forNewRecord(String code, String field) {
        if (code != null) {
            return find(code).orElseThrow(() -> new NotFoundException("team", code));
        }
        List<Team> mine = caller.teams();
        if (mine.size() != 1) {
            throw new ValidationException(field, field + " is required: you belong to " + mine.size() + " teams");
        }
        return mine.get(0);
    }

    @Transactional
    public Team create(CreateTeamInput input) {
        validator.check("input", input);
        if (Team.findByCode(input.code()).isPresent()) {
            throw new ValidationException("input.code", "input.code '" + input.code() + "' is taken");
        }
        Team team = new Team();
        team.code = input.code();
        team.name = input.name().strip();
        team.createdAt = team.updatedAt = Times.now();
        team.persist();
        return team;
    }

    @Transactional
    public Team updateSettings(TeamSettingsInput input) {
        InputValidator.noNulls("input.targetCountries", input.targetCountries());
        InputValidator.noNulls("input.targetRegions", input.targetRegions());
        InputValidator.noNulls("input.targetSectors", input.targetSectors());
        validator.check("input", input);
        Team cached = find(input.team()).orElseThrow(() -> new NotFoundException("team", input.team()));
        // the caller's teams are read once per request; change the row this transaction reads
        Team team = Team.findById(cached.id);
        if (input.expectedVersion() != null && input.expectedVersion() != team.version) {
            throw new VersionConflictException("Team", input.expectedVersion(), team.version);
        }
        if (input.name() != null) {
            team.name = input.name().strip();
        }
        if (input.targetCountries() != null) {
            team.targetCountries = input.targetCountries().stream().distinct().toList();
        }
        if (input.targetRegions() != null) {
            team.targetRegions = input.targetRegions().stream().map(String::strip).distinct().toList();
        }
        if (input.targetSectors() != null) {
            team.targetSectors = input.targetSectors().stream().map(String::strip).distinct().toList();
        }
        if (input.minEmployees() != null) {
            team.minEmployees = input.minEmployees() < 0 ? null : input.minEmployees();
        }
        if (input.maxEmployees() != null) {
            team.maxEmployees = input.maxEmployees() < 0 ? null : input.maxEmployees();
        }
        if (input.minAnnualRevenue() != null) {
            BigDecimal min = input.minAnnualRevenue().value();
            team.minAnnualRevenue = min.signum() < 0 ? null : min;
        }
        if (team.minEmployees != null && team.maxEmployees != null && team.minEmployees > team.maxEmployees) {
            throw new ValidationException("input.maxEmployees", "input.maxEmployees must not be below minEmployees");
        }
        if (input.interestWebsiteVisits() != null) {
            team.interestWebsiteVisits = input.interestWebsiteVisits();
        }
        if (input.followUpMaxTouches() != null) {
            team.followUpMaxTouches = input.followUpMaxTouches();
        }
        if (input.followUpWindowDays() != null) {
            team.followUpWindowDays = input.followUpWindowDays();
        }
        if (input.unresponsiveAfterTouches() != null) {
            team.unresponsiveAfterTouches = input.unresponsiveAfterTouches();
        }
        team.updatedAt = Times.now();
        Team.getEntityManager().flush();
        events.emit(team.id, EventType.TEAM_SETTINGS_CHANGED, team.code, Payload.of()
                .put("team", team.code)
                .put("name", team.name)
                .put("targetCountries", team.targetCountries)
                .put("targetRegions", team.targetRegions)
                .put("targetSectors", team.targetSectors)
                .put("minEmployees", team.minEmployees)
                .put("maxEmployees", team.maxEmployees)
                .put("minAnnualRevenue", team.minAnnualRevenue)
                .put("interestWebsiteVisits", team.interestWebsiteVisits)
                .put("followUpMaxTouches", team.followUpMaxTouches)
                .put("followUpWindowDays", team.followUpWindowDays)
                .put("unresponsiveAfterTouches", team.unresponsiveAfterTouches)
                .put("version", team.version)
                .build());
        return team;
    }
}
