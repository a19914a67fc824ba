package dev.funnel.contact;

import dev.funnel.packaged.PackagedAppResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The lifecycle rules, suspect to client, against the packaged application in production mode: the jar in every verify, the
 * native executable with {@code -Dnative}.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResources.class)
class LifecycleRulesIT extends LifecycleRulesTest {
}
