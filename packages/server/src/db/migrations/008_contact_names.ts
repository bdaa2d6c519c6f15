/**
 * Contacts' name order and salutation, and `sort_name`: the key of the contact's name in its workspace's language
 * (`nameSortKey` of `@crmkit/core/collation`: given name first in Vietnamese and Thai, ICU-equivalent collation),
 * compared bytewise (`C`) so every server orders names alike, the embedded one (which has no ICU) included. The
 * filtered list indexes follow the new default order (`name`) instead of `lastName`; `rebuildSortNames` (`db/sort-names.ts`)
 * fills the keys of the contacts stored before.
 */
export const sql = /* sql */ `
ALTER TABLE contacts ADD COLUMN name_order text;
ALTER TABLE contacts ADD COLUMN salutation text;
ALTER TABLE contacts ADD COLUMN sort_name text COLLATE "C" NOT NULL DEFAULT '';
DROP INDEX IF EXISTS contacts_ws_stage_last_name;
DROP INDEX IF EXISTS contacts_ws_owner_last_name;
DROP INDEX IF EXISTS contacts_ws_company_last_name;
CREATE INDEX contacts_ws_sort_name ON contacts (workspace_id, sort_name, id);
CREATE INDEX contacts_ws_stage_sort_name ON contacts (workspace_id, lifecycle_stage, sort_name, id);
CREATE INDEX contacts_ws_owner_sort_name ON contacts (workspace_id, owner_id, sort_name, id);
CREATE INDEX contacts_ws_company_sort_name ON contacts (workspace_id, company_id, sort_name, id);
`;
