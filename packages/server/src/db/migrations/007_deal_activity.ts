/**
 * What a pipeline board reads off each deal without more requests, kept by the server: when the deal entered its
 * stage, its last activity done and its next one due (see `deals/activity.ts`); and stages' idle thresholds
 * (`rottingDays`, null for every existing stage). Existing deals entered their stage when they were created, and
 * take their activity times from the activities already linked to them; a row inserted by SQL without one entered
 * its stage at the insert.
 */
export const sql = /* sql */ `
ALTER TABLE deals ADD COLUMN stage_entered_at timestamptz;
ALTER TABLE deals ADD COLUMN last_activity_at timestamptz;
ALTER TABLE deals ADD COLUMN next_activity_at timestamptz;
UPDATE deals SET stage_entered_at = created_at;
ALTER TABLE deals ALTER COLUMN stage_entered_at SET NOT NULL;
ALTER TABLE deals ALTER COLUMN stage_entered_at SET DEFAULT now();
UPDATE deals d SET
  last_activity_at = (
    SELECT max(CASE WHEN a.due_at IS NULL THEN a.occurred_at ELSE a.completed_at END) FROM activities a
     WHERE a.workspace_id = d.workspace_id AND a.deal_id = d.id AND a.type <> 'system'
       AND (a.due_at IS NULL OR a.completed_at IS NOT NULL)),
  next_activity_at = (
    SELECT min(a.due_at) FROM activities a
     WHERE a.workspace_id = d.workspace_id AND a.deal_id = d.id AND a.due_at IS NOT NULL AND a.completed_at IS NULL);
CREATE INDEX deals_ws_stage_next_activity ON deals (workspace_id, stage_id, next_activity_at);
UPDATE pipelines SET stages = (
  SELECT coalesce(jsonb_agg(CASE WHEN s ? 'rottingDays' THEN s ELSE s || '{"rottingDays": null}'::jsonb END ORDER BY n), '[]'::jsonb)
    FROM jsonb_array_elements(stages) WITH ORDINALITY AS e(s, n));
`;
