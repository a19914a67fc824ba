package dev.funnel.security;

import dev.funnel.packaged.PackagedAppResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Another team's ids read like unknown ones, against the packaged application in production mode: the jar in every verify, the
 * native executable with {@code -Dnative}.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResources.class)
class TeamIsolationIT extends TeamIsolationTest {
}
