import { BOOT_SCRIPT, sandboxSnapshots } from '@crmkit/sandbox/vite';
import type { StorybookConfig } from '@storybook/react-vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, mergeConfig, type PluginOption, type UserConfig } from 'vite';
import { preparingHead } from './preparing.js';

/**
 * Build warnings that say nothing about our code: PGlite's emscripten glue uses `eval`; PGlite's Node-only paths and
 * the server's optional PostgreSQL driver (`pg`, imported only for a database URL, never in a browser) import Node
 * built-ins.
 */
function isKnownNoise(log: { code?: string; message: string; id?: string }): boolean {
  if (log.code === 'EVAL') return /@electric-sql[+/]pglite/.test(`${log.id ?? ''} ${log.message}`);
  return /externalized for browser compatibility, imported by "[^"]*\/node_modules\/\.pnpm\/(pg|pgpass|pg-[a-z-]+|split2|@electric-sql\+pglite)@/.test(
    log.message,
  );
}

const REACT_PLUGINS = new Set(['vite:react-babel', 'vite:react-refresh', 'vite:react-refresh-fbm']);

/** Whether `plugins` (nested, as Vite allows) already hold `@vitejs/plugin-react` (e.g. from a user's vite config). */
function hasReactPlugin(plugins: PluginOption[] | undefined): boolean {
  return (plugins ?? []).some((plugin) =>
    Array.isArray(plugin)
      ? hasReactPlugin(plugin)
      : !!plugin && typeof plugin === 'object' && 'name' in plugin && REACT_PLUGINS.has(plugin.name),
  );
}

/**
 * One Storybook for every widget, backed by the real reference server running in the browser (see
 * `docs/storybook.md`). Workspace packages are read from source through the `@crmkit/source` export condition.
 */
const config: StorybookConfig = {
  stories: ['./stories/**/*.stories.@(ts|tsx)', '../packages/ui/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // In the static site, the manager page starts the demo CRM's database too (the preview, framed in it, takes that
  // worker): it then starts while Storybook's own UI loads, before the preview exists.
  // Until a story's code runs, Storybook's spinners say in words what is happening (see `preparing.ts`).
  managerHead: (head, { configType }) =>
    `${head ?? ''}${configType === 'PRODUCTION' ? `<script src="./${BOOT_SCRIPT}"></script>` : ''}${preparingHead()}`,
  previewHead: (head) => `${head ?? ''}${preparingHead()}`,
  typescript: {
    // Props tables from the widgets' TypeScript types and TSDoc (inherited props included). Not in the Vitest run of
    // the stories, which shows no docs.
    reactDocgen: process.env.VITEST ? false : 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // Our props, not the ones React's DOM types add.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  async viteFinal(viteConfig) {
    const conditions = [...new Set(['@crmkit/source', ...(viteConfig.resolve?.conditions ?? defaultClientConditions)])];
    const overrides: UserConfig = {
      // Relative asset URLs: the static build works from any host and under any sub-path.
      base: './',
      // The data sets' snapshots, built in Node (cached between runs) and shipped with the build: no seeding in the page.
      plugins: [
        ...(hasReactPlugin(viteConfig.plugins) ? [] : [react()]),
        sandboxSnapshots({ prebuild: 'all', bootInHtml: { dataset: 'demo', urlGlobal: 'dataset' } }),
      ],
      // PGlite loads its wasm and data files next to its own module: Vite must not pre-bundle it.
      optimizeDeps: { exclude: ['@electric-sql/pglite'] },
      // The sandbox's database worker imports PGlite, which loads parts of itself on demand: ES module workers.
      worker: { format: 'es' },
      // The reference server and PGlite are big, and that is fine for a Storybook.
      build: {
        chunkSizeWarningLimit: 12_000,
        rolldownOptions: {
          onLog(level, log, handler) {
            if (level === 'warn' && isKnownNoise(log)) return;
            handler(level, log);
          },
        },
      },
    };
    const merged = mergeConfig(viteConfig, overrides);
    merged.resolve = { ...merged.resolve, conditions };
    return merged;
  },
};

export default config;
