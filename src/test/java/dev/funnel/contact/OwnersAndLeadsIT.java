package dev.funnel.contact;

import dev.funnel.packaged.PackagedAppResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Owners, my pipeline and the MQL to SQL hand-off, against the packaged application: the jar in every verify, the native executable with {@code -Dnative}. */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResources.class)
class OwnersAndLeadsIT extends OwnersAndLeadsTest {
}
