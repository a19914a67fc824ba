package dev.funnel.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data through the API itself; every test makes its own teams, so order never matters. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A new team with no criteria; returns its code. */
    public static String aTeam() {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 12);
        Api.ok(Tokens.admin(), "mutation($i: CreateTeamInput!) { createTeam(input: $i) { code } }",
                "i", Map.of("code", code, "name", "Team " + code));
        return code;
    }

    /** Sets team settings as its manager. */
    public static void settings(String team, Map<String, Object> settings) {
        Map<String, Object> input = new LinkedHashMap<>(settings);
        input.put("team", team);
        Api.ok(Tokens.manager(team), "mutation($i: TeamSettingsInput!) { updateTeamSettings(input: $i) { code } }",
                "i", input);
    }

    public static ContactBuilder aContact() {
        return new ContactBuilder();
    }

    /** Records an interaction as a sales user of the team; returns the contact's stage afterwards. */
    public static String interact(String team, String contactId, String channel, String direction) {
        return Api.ok(Tokens.sales(team), """
                mutation($i: RecordInteractionInput!) { recordInteraction(input: $i) { contact { stage } } }""",
                "i", Map.of("contactId", contactId, "channel", channel, "direction", direction))
                .getString("data.recordInteraction.contact.stage");
    }

    public static final class ContactBuilder {
        private final Map<String, Object> input = new LinkedHashMap<>();
        private String team;

        ContactBuilder() {
            input.put("displayName", "Contact " + UUID.randomUUID().toString().substring(0, 8));
        }

        public ContactBuilder inTeam(String code) {
            this.team = code;
            input.put("team", code);
            return this;
        }

        public ContactBuilder with(String field, Object value) {
            input.put(field, value);
            return this;
        }

        public ContactBuilder named(String name) {
            return with("displayName", name);
        }

        public ContactBuilder source(String source) {
            return with("source", source);
        }

        /** Creates the contact as a sales user of its team and returns its id. */
        public String create() {
            return Api.ok(Tokens.sales(team), "mutation($i: CreateContactInput!) { createContact(input: $i) { id } }",
                    "i", input).getString("data.createContact.id");
        }

        /** Creates the contact, then walks it to the stage asked through the API. */
        public String atStage(String stage) {
            String id = create();
            List<String> path = new ArrayList<>(List.of("SUSPECT", "LEAD", "PROSPECT"));
            int target = path.indexOf(stage);
            if (target >= 1 && "SUSPECT".equals(Contacts.stage(Tokens.sales(team), id))) {
                Api.ok(Tokens.sales(team), "mutation($id: ID!) { qualifyContact(id: $id) { stage } }", "id", id);
            }
            if (target >= 2) {
                interact(team, id, "EMAIL", "OUTBOUND");
                interact(team, id, "EMAIL", "INBOUND");
            }
            if (target < 0) {
                throw new IllegalArgumentException("atStage: " + stage);
            }
            return id;
        }
    }
}
