package dev.funnel.security;

import java.util.List;
import java.util.Optional;

/**
 * A seam for one test only: RowLevelSecurityTest implements it to switch the application-level
 * team filter off (every query then asks for every team) and prove that PostgreSQL's row-level
 * security alone still shows nothing of another team. No bean implements it outside the tests.
 */
public interface AppFilterOverride {

    /** The team ids queries should filter on instead of the caller's; empty to leave the filter alone. */
    Optional<List<Long>> teamIds();
}
