package dev.funnel.event;

import dev.funnel.packaged.PackagedAppResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The events subscription over WebSocket against the packaged application in production mode: the
 * jar in every verify, the native executable with {@code -Dnative}.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResources.class)
class SubscriptionIT extends SubscriptionTest {
}
