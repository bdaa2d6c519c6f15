/**
 * What a widget costs a real host: a Vite production build of a small React app — React, ReactDOM and TanStack Query
 * with one `useQuery`, the baseline — against the same app that also renders widgets. The cost is the difference in
 * the gzipped JavaScript the page loads initially (the entry chunk and the chunks it imports statically, each gzipped
 * as served; lazy chunks not counted), and the gzipped CSS it links.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'vite';
import { gzipSize } from './eager.mjs';

/** The host app's packages, resolved from `packageDir` (the package measured, whose devDependencies include them). */
const HOST_PACKAGES = ['react', 'react-dom', '@tanstack/react-query', '@tanstack/react-table'];

/**
 * The app's `main.js`: the baseline host, and `widgets` (imports and the elements to render inside the host's
 * `QueryClientProvider`). Written with `react/jsx-runtime` calls, as compiled JSX is, so no JSX plugin is needed.
 */
function mainModule({ imports = '', render = 'null' } = {}) {
  return `import { jsx, jsxs } from 'react/jsx-runtime';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
${imports}
const queryClient = new QueryClient();
function Greeting() {
  const { data } = useQuery({ queryKey: ['greeting'], queryFn: () => fetch('/api/greeting').then((r) => r.json()) });
  return jsx('p', { children: data?.text ?? '…' });
}
function Widgets() {
  return ${render};
}
createRoot(document.getElementById('root')).render(
  jsxs(QueryClientProvider, { client: queryClient, children: [jsx(Greeting, {}), jsx(Widgets, {})] }),
);
`;
}

/** Builds one app with Vite and returns its initial JS and CSS, gzipped. */
async function buildApp(dir, main, external) {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>',
  );
  await writeFile(join(dir, 'main.js'), main);
  const result = await build({
    configFile: false,
    root: dir,
    mode: 'production',
    logLevel: 'silent',
    build: { write: false, rolldownOptions: { external } },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name) || !chunks.has(name)) return;
    initial.add(name);
    for (const imported of chunks.get(name).imports) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  let js = 0;
  for (const name of initial) js += gzipSize(Buffer.from(chunks.get(name).code));
  let css = 0;
  for (const asset of output)
    if (asset.type === 'asset' && asset.fileName.endsWith('.css')) css += gzipSize(Buffer.from(asset.source));
  return { js, css };
}

/**
 * The cost of each case over the baseline app: `{ baseline: { js, css }, cases: { [name]: { js, css } } }` (bytes
 * gzipped; `js`/`css` of a case are the differences). `packageDir` is the package being measured (the apps import it
 * by name and its installed dependencies); `external` packages stay out of every build (e.g. TanStack Table, which a
 * widget's budget does not count).
 *
 * @param {{ packageDir: string, cases: Record<string, { imports: string, render: string }>, external?: (string|RegExp)[] }} options
 *
 * @example
 * await viteHostCost({ packageDir: 'packages/ui', cases: { card: {
 *   imports: "import { ContactCard } from '@crmkit/ui/contact-card';", render: "jsx(ContactCard, { contactId: 'c' })" } } });
 */
export async function viteHostCost({ packageDir, cases, external = [] }) {
  const root = await mkdtemp(join(tmpdir(), 'crmkit-host-size-'));
  try {
    // A node_modules of links: the package measured, and the host's own packages as the package has them installed.
    const require = createRequire(join(await realpath(packageDir), 'package.json'));
    const self = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    const links = { [self.name]: await realpath(packageDir) };
    for (const name of HOST_PACKAGES) links[name] = await realpath(dirname(require.resolve(`${name}/package.json`)));
    for (const [name, target] of Object.entries(links)) {
      await mkdir(dirname(join(root, 'node_modules', name)), { recursive: true });
      await symlink(target, join(root, 'node_modules', name), 'dir');
    }
    const baseline = await buildApp(join(root, 'baseline'), mainModule(), external);
    const costs = {};
    for (const [name, widgets] of Object.entries(cases)) {
      const app = await buildApp(join(root, name), mainModule(widgets), external);
      costs[name] = { js: app.js - baseline.js, css: app.css - baseline.css };
    }
    return { baseline, cases: costs };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
