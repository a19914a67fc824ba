-- The policies of V3 call funnel_team_ids() once per row whenever PostgreSQL cannot use the
-- policy as an index condition and checks it as a filter instead. For the last interaction of
-- each contact of a page of 50 (500 interactions read at a million contacts) that was 7.5 ms of
-- an 8 ms statement (docs/benchmarks.md). Written as a scalar subquery, it runs once per
-- statement (an InitPlan) and stays usable as an index condition (the cast keeps PostgreSQL from
-- reading "= ANY (SELECT ...)" as a comparison with each row of the subquery). Same rows, same checks.
ALTER POLICY team_read ON team
    USING (id = ANY ((SELECT funnel_team_ids())::BIGINT[]) OR current_setting('funnel.all_teams', true) = 'on');
ALTER POLICY team_update ON team USING (id = ANY ((SELECT funnel_team_ids())::BIGINT[]));
ALTER POLICY contact_team ON contact USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));
ALTER POLICY interaction_team ON interaction USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));
ALTER POLICY stage_change_team ON stage_change USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));
ALTER POLICY quote_team ON quote USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));
ALTER POLICY quote_line_team ON quote_line USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));
ALTER POLICY invoice_team ON invoice USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));
ALTER POLICY invoice_line_team ON invoice_line USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));
ALTER POLICY idempotency_key_team ON idempotency_key USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));
ALTER POLICY team_counter_team ON team_counter USING (team_id = ANY ((SELECT funnel_team_ids())::BIGINT[]));
