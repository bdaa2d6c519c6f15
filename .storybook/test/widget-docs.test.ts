/**
 * The widgets' docs as a user reads and copies them: every widget entry of `@crmkit/ui` has a section in its README
 * (what the Storybook's docs pages show), whose install line names the packages that widget imports, and whose usage
 * snippet is at most 10 lines and type-checks against the packages' sources as a host's code would; and every prop
 * of every widget says what it does (the docs pages' props tables come from the TSDoc).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { withCustomConfig } from 'react-docgen-typescript';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { widgetSetups } from '../docs/readme.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ui = join(root, 'packages/ui');
const manifest = JSON.parse(readFileSync(join(ui, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, unknown>;
  peerDependencies: Record<string, string>;
};
const setups = widgetSetups(readFileSync(join(ui, 'README.md'), 'utf8'));

/**
 * The widget entries (`./contact-card` → `ContactCard`): those built from a folder of `src/widgets/` (not the
 * locales, the icons or the stylesheet).
 */
const widgets = Object.keys(manifest.exports)
  .filter((entry) => entry !== '.' && existsSync(join(ui, 'src/widgets', entry.slice(2), 'index.ts')))
  .map((entry) => ({
    entry: entry.slice(2),
    name: entry.slice(2).replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
  }));

/** The packages a widget's entry imports that a host installs: ours, and our peers. */
async function packagesImported(entry: string): Promise<string[]> {
  const imported = new Set<string>();
  await build({
    entryPoints: [join(ui, 'src/widgets', entry, 'index.ts')],
    bundle: true,
    write: false,
    logLevel: 'silent',
    conditions: ['@crmkit/source'],
    plugins: [
      {
        name: 'externals',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            const name = args.path.startsWith('@')
              ? args.path.split('/').slice(0, 2).join('/')
              : args.path.split('/')[0]!;
            if (name in manifest.peerDependencies) {
              imported.add(name);
              return { path: args.path, external: true };
            }
            return undefined;
          });
        },
      },
    ],
  });
  // React DOM renders what React describes: a host always installs both.
  if (imported.has('react')) imported.add('react-dom');
  return [manifest.name, ...imported].sort();
}

/** Type errors of `code` as a module of a host app (resolved like the repo's own code, from source). */
function typeErrors(name: string, code: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const file = join(root, '.storybook/test/__readme__', `${name}.tsx`);
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (path, version, ...rest) =>
    path === file
      ? ts.createSourceFile(path, code, version, true, ts.ScriptKind.TSX)
      : getSourceFile(path, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (path) => path === file || fileExists(path);
  const program = ts.createProgram({ rootNames: [file], options: { ...config.options, noEmit: true }, host });
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
    const line = d.file && d.start !== undefined ? `${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return `${line}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe("the widgets' props", () => {
  it.each(widgets)('$name: every prop has a description', ({ entry, name }) => {
    const parser = withCustomConfig(join(root, 'tsconfig.json'), {
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    });
    const [doc] = parser.parse(join(ui, 'src/widgets', entry, `${name}.tsx`)).filter((d) => d.displayName === name);
    expect(doc, `no component ${name} in src/widgets/${entry}/${name}.tsx`).toBeDefined();
    const props = Object.values(doc!.props);
    expect(props.length).toBeGreaterThan(0);
    expect(props.filter((p) => !p.description.trim()).map((p) => p.name)).toEqual([]);
  });
});

describe("the widgets' README sections", () => {
  it('cover every widget entry of @crmkit/ui, and nothing else', () => {
    expect(Object.keys(setups).sort()).toEqual(widgets.map((w) => w.name).sort());
  });

  it.each(widgets)('$name: the install line names what the widget imports', async ({ entry, name }) => {
    const words = setups[name]!.install.split(/\s+/);
    expect(words.slice(0, 2)).toEqual(['npm', 'install']);
    expect(words.slice(2).sort()).toEqual(await packagesImported(entry));
  });

  it.each(widgets)(
    '$name: the snippet is at most 10 lines, imports the widget entry and type-checks',
    ({ entry, name }) => {
      const { snippet } = setups[name]!;
      expect(snippet.trimEnd().split('\n').length).toBeLessThanOrEqual(10);
      expect(snippet).toContain(`from '${manifest.name}/${entry}'`);
      expect(typeErrors(entry, snippet)).toEqual([]);
    },
  );
});
