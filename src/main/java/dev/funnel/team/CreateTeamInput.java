package dev.funnel.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CreateTeamInput")
@Description("A new sales team.")
public record CreateTeamInput(
        @NonNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,63}$", message = "must be 1..64 lower-case letters, digits or dashes")
        @Description("Code as it appears in users' teams claim: lower-case letters, digits, dashes.") String code,
        @NonNull @NotBlank @Size(max = 200) @Description("Display name.") String name) {
}
