package dev.funnel.team;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.funnel.contact.Lifecycle;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A sales team: owns contacts, interactions and quotes; holds its qualification criteria and follow-up caps. */
@Entity
public class Team extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> targetCountries;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> targetRegions;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> targetSectors;

    public Integer minEmployees;

    public Integer maxEmployees;

    public BigDecimal minAnnualRevenue;

    public int interestWebsiteVisits = 3;

    @Column(name = "followup_max_touches")
    public int followUpMaxTouches = 3;

    @Column(name = "followup_window_days")
    public int followUpWindowDays = 14;

    public int unresponsiveAfterTouches = 6;

    @Version
    public long version;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    public static Optional<Team> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public static List<Team> findByCodes(Set<String> codes) {
        return codes.isEmpty() ? List.of() : list("code in ?1", codes);
    }

    public Lifecycle.Criteria criteria() {
        return new Lifecycle.Criteria(set(targetCountries), set(targetRegions), set(targetSectors), minEmployees,
                maxEmployees, minAnnualRevenue, interestWebsiteVisits);
    }

    public Lifecycle.FollowUpCaps followUpCaps() {
        return new Lifecycle.FollowUpCaps(followUpMaxTouches, followUpWindowDays, unresponsiveAfterTouches);
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }
}
