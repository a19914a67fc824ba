package dev.funnel.campaign;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("CampaignFilter")
@Description("Which campaigns to list.")
public record CampaignFilter(
        @Size(max = 64) @Description("Only this team (code); it must be one of the caller's.") String team,
        @Size(max = 8) @Description("Any of these channels.") List<CampaignChannel> channels,
        @Size(max = 200) @Description("Text found in the name, case-insensitive.") String search) {
}
