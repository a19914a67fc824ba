package dev.funnel.observability;

import dev.funnel.packaged.PackagedAppResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Health, metrics, request ids and CORS, against the packaged application in production mode: the jar in every verify, the
 * native executable with {@code -Dnative}.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResources.class)
class ObservabilityIT extends ObservabilityTest {
}
