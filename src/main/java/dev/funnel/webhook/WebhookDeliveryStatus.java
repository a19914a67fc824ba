package dev.funnel.webhook;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("WebhookDeliveryStatus")
@Description("Where the delivery of one event to one endpoint stands.")
public enum WebhookDeliveryStatus {
    @Description("Not delivered yet: an attempt is due, in flight, or waiting for nextAttemptAt.")
    PENDING,
    @Description("The endpoint answered 2xx.")
    DELIVERED,
    @Description("Given up: every attempt of the retry schedule failed, the endpoint answered 410 Gone, or it was disabled. redeliverEvents sends it again.")
    FAILED
}
