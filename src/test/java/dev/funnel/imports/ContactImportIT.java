package dev.funnel.imports;

import dev.funnel.packaged.PackagedAppResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Contact import and export, against the packaged application: the jar in every verify, the native executable with {@code -Dnative}. */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResources.class)
class ContactImportIT extends ContactImportTest {
}
