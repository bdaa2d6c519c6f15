/**
 * Indexes for the common contact lists at scale (1,000,000 contacts): every filter a list view uses often
 * (lifecycle stage, owner, company, including "no company") is followed by the default sort (`lastName`, `id`),
 * so a page is one index range scan however rare or frequent the value; tags get a GIN index for
 * `filter[tags]=` (compiled to `tags @> ARRAY[...]`) and custom fields one for `filter[customFields.<key>]=`
 * (compiled to `custom_fields @> {...}`); "recently contacted" (`-lastContactedAt`) reads an index in its order.
 */
export const sql = /* sql */ `
DROP INDEX IF EXISTS contacts_ws_stage;
CREATE INDEX contacts_ws_stage_last_name ON contacts (workspace_id, lifecycle_stage, last_name, id);
DROP INDEX IF EXISTS contacts_ws_owner;
CREATE INDEX contacts_ws_owner_last_name ON contacts (workspace_id, owner_id, last_name, id);
DROP INDEX IF EXISTS contacts_ws_company;
CREATE INDEX contacts_ws_company_last_name ON contacts (workspace_id, company_id, last_name, id);
CREATE INDEX contacts_ws_last_contacted ON contacts (workspace_id, last_contacted_at DESC NULLS LAST, id DESC);
CREATE INDEX contacts_tags ON contacts USING gin (tags);
CREATE INDEX contacts_custom_fields ON contacts USING gin (custom_fields jsonb_path_ops);
`;
