import { Role } from '@crmkit/spec';
import { ROLE_RANK } from '../auth/permissions.js';
import { mintEmbedToken } from '../auth/tokens.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import {
  CommandError,
  choiceFlag,
  DATABASE_FLAGS,
  databaseFrom,
  type Io,
  intFlag,
  parseFlags,
  UsageError,
} from './args.js';

export const TOKEN_HELP = `Usage: crmkit-server token --workspace ID --user ID_OR_EMAIL [--role ROLE] [--expires SECONDS]
                          [--data-dir DIR | --database-url URL] [--json]

Mints a short-lived embed token for a user, as a host's backend would, and prints it.

Options:
  --workspace ID        Workspace id (e.g. ws_demo)
  --user ID_OR_EMAIL    The user the token acts for
  --role ROLE           owner, admin, manager, agent or viewer; at most the user's role (default: the user's role)
  --expires SECONDS     Lifetime, 1–86400 (default 900)
  --data-dir DIR        PGlite data directory (default ./.crmkit-data)
  --database-url URL    PostgreSQL connection URL instead
  --json                Print { token, expiresAt, workspaceId, userId, role }
  -h, --help            Show this help`;

/** `crmkit-server token`. */
export async function tokenCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(args, {
    ...DATABASE_FLAGS,
    workspace: { type: 'string' },
    user: { type: 'string' },
    role: { type: 'string' },
    expires: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(TOKEN_HELP);
    return 0;
  }
  if (!values.workspace) throw new UsageError('--workspace is required.');
  if (!values.user) throw new UsageError('--user is required.');
  const wanted = values.role === undefined ? null : choiceFlag('role', values.role, Role.options, 'viewer');
  const expiresInSeconds = intFlag('expires', values.expires, 900, 1, 86_400);
  const { options } = databaseFrom(values, true);
  const db = await openDatabase(options);
  try {
    await migrate(db);
    const { rows } = await db.query<{ secret: string; id: string; role: Role }>(
      `SELECT w.embed_secret AS secret, u.id, u.role FROM workspaces w JOIN users u ON u.workspace_id = w.id
        WHERE w.id = $1 AND (u.id = $2 OR u.email = lower($2))`,
      [values.workspace, values.user],
    );
    const user = rows[0];
    if (!user) throw new CommandError(`No user "${values.user}" in workspace "${values.workspace}".`);
    const role = wanted ?? user.role;
    if (ROLE_RANK[role] > ROLE_RANK[user.role]) {
      throw new CommandError(`--role ${role} exceeds the user's role (${user.role}).`);
    }
    const minted = await mintEmbedToken({
      secret: user.secret,
      workspaceId: values.workspace,
      userId: user.id,
      role,
      expiresInSeconds,
    });
    io.out(
      values.json
        ? JSON.stringify({ ...minted, workspaceId: values.workspace, userId: user.id, role }, null, 2)
        : minted.token,
    );
    return 0;
  } finally {
    await db.close();
  }
}
