package dev.funnel.report;

import dev.funnel.packaged.PackagedAppResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The funnel of a day walked through the API, against the packaged application: the jar in every verify, the native executable with {@code -Dnative}. */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResources.class)
class FunnelTodayIT extends FunnelTodayTest {
}
