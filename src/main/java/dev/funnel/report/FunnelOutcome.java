package dev.funnel.report;

/** What became of the contacts that entered a stage: the cells a funnel count can be opened on. */
enum FunnelOutcome {
    ENTERED("true"),
    ADVANCED("next_rank > rank"),
    LOST("next_stage = 'DISQUALIFIED'"),
    WENT_BACK("next_rank < rank"),
    STILL_THERE("next_stage is null");

    /** The condition on a contact's last stay in the stage (FunnelQuery.stays()). */
    final String condition;

    FunnelOutcome(String condition) {
        this.condition = condition;
    }
}
