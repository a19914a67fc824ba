package dev.funnel.campaign;

import dev.funnel.packaged.PackagedAppResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Campaigns, costs and attribution, against the packaged application: the jar in every verify, the native executable with {@code -Dnative}. */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResources.class)
class CampaignsIT extends CampaignsTest {
}
