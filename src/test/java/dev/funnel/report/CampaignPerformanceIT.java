package dev.funnel.report;

import dev.funnel.packaged.PackagedAppResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Campaign performance under first and last touch, against the packaged application: the jar in every verify, the native executable with {@code -Dnative}. */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResources.class)
class CampaignPerformanceIT extends CampaignPerformanceTest {
}
