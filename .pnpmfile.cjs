/**
 * pnpm hooks of the workspace.
 *
 * `beforePacking`: the manifest that `pnpm pack` and `pnpm publish` put into a package's tarball is the one its users
 * get, so it keeps only what they need: no `scripts` and no `devDependencies` (the monorepo's build and checks, and
 * private workspace packages), and no `@crmkit/source` export condition (it points at `./src/*.ts`, which only the
 * monorepo's own tests and tools resolve, and which the tarball does not contain). The checkout's package.json files
 * are not changed. `tooling/pack-check` packs every published package and fails when a tarball's manifest still has
 * any of these.
 */
const SOURCE_CONDITION = '@crmkit/source';

/** `exports` without the source condition, at any depth. */
function withoutSourceCondition(exports) {
  if (exports === null || typeof exports !== 'object') return exports;
  if (Array.isArray(exports)) return exports.map(withoutSourceCondition);
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, value]) => [key, withoutSourceCondition(value)]),
  );
}

function beforePacking(pkg) {
  const { scripts, devDependencies, ...published } = pkg;
  if (published.exports) published.exports = withoutSourceCondition(published.exports);
  return published;
}

module.exports = { hooks: { beforePacking } };
