package dev.funnel.security;

/** The roles of README.md ("Roles"), as they appear in the token's roles claim. */
public final class Role {

    /** Contacts, interactions and quotes of the caller's teams. */
    public static final String SALES = "sales";
    /** Sales, plus team settings and reports. */
    public static final String MANAGER = "manager";
    /** Reads quotes and invoices of its teams, converts quotes; nothing else. */
    public static final String BILLING = "billing";
    /** Teams themselves, in every team. */
    public static final String ADMIN = "admin";

    private Role() {
    }
}
