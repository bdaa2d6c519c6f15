/**
 * Where the CRM is, read on the server at request time (never inlined into the browser bundle):
 * - `CRM_URL`: the crmkit API as this server reaches it (default http://127.0.0.1:4321);
 * - `CRM_PUBLIC_URL`: the same as browsers reach it, when it differs (default `CRM_URL`);
 * - `CRM_API_KEY`: an admin API key of the club's workspace, used only by app/api/crm-token/route.ts.
 */
export const crmUrl = () => (process.env.CRM_URL ?? 'http://127.0.0.1:4321').replace(/\/+$/, '');
export const crmPublicUrl = () => (process.env.CRM_PUBLIC_URL ?? crmUrl()).replace(/\/+$/, '');

/**
 * The signed-in staff member. The example has no login of its own (examples/portal shows one): the front desk
 * account is fixed, or set with `CRM_USER_ID`/`CRM_ROLE`. A real app takes it from its session.
 */
export const staff = () => ({
  crmUserId: process.env.CRM_USER_ID ?? 'usr_fit_linh',
  role: process.env.CRM_ROLE,
  name: process.env.CRM_USER_NAME ?? 'Hoàng Khánh Linh',
});
