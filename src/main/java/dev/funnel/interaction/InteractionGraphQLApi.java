package dev.funnel.interaction;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import dev.funnel.contact.ContactService;
import dev.funnel.contact.ContactView;
import dev.funnel.security.Role;
import io.quarkus.security.Authenticated;

@GraphQLApi
@Authenticated
public class InteractionGraphQLApi {

    private final InteractionService interactions;
    private final ContactService contacts;

    public InteractionGraphQLApi(InteractionService interactions, ContactService contacts) {
        this.interactions = interactions;
        this.contacts = contacts;
    }

    @RolesAllowed({ Role.SALES, Role.MANAGER, Role.ADMIN })
    @Mutation("recordInteraction")
    @Description("Records a touch with a contact; may move its stage (rules 1 and 2). Read the contact field for its new stage.")
    public @NonNull InteractionView recordInteraction(@NonNull @Name("input") @Description("What to create or change.") RecordInteractionInput input) {
        return InteractionView.of(interactions.record(input));
    }

    @Name("contact")
    @Description("The contact the interaction was with.")
    public List<@NonNull ContactView> contact(@Source List<InteractionView> page) {
        return contacts.byIds(page.stream().map(InteractionView::contactDbId).toList()).stream()
                .map(ContactView::of).toList();
    }
}
