package dev.funnel.webhook;

import dev.funnel.packaged.PackagedAppResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Webhook delivery against the packaged application in production mode (private destinations and
 * short retries allowed by PackagedAppResources): the jar in every verify, the native executable
 * with {@code -Dnative}.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResources.class)
class WebhooksIT extends WebhooksTest {
}
