package dev.funnel.contact;

import dev.funnel.packaged.PackagedAppResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * A bad input of each kind answered with its code, against the packaged application in production mode: the jar in every verify, the
 * native executable with {@code -Dnative}.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResources.class)
class BadInputIT extends BadInputTest {
}
