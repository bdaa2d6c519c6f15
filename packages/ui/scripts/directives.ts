import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use client\1;?/;

/** Whether a source file starts (after comments) with the `'use client'` directive. */
export function startsWithUseClient(source: string): boolean {
  return DIRECTIVE.test(source);
}

/**
 * Puts `'use client'` back at the top of the built outputs of entries whose source starts with it: esbuild drops
 * module directives when it bundles. Only those entry files get it — not the foundation entry, not shared chunks — so
 * React Server Components can still import the rest. Source maps are shifted by the added line.
 *
 * @example
 * restoreUseClient({ 'contact-card': 'src/widgets/contact-card/index.ts' }, 'dist', ['.js', '.cjs']);
 */
export function restoreUseClient(entries: Record<string, string>, outDir: string, extensions: string[]): string[] {
  const marked: string[] = [];
  for (const [name, source] of Object.entries(entries)) {
    if (!startsWithUseClient(readFileSync(source, 'utf8'))) continue;
    for (const ext of extensions) {
      const file = `${outDir}/${name}${ext}`;
      if (!existsSync(file)) continue;
      const code = readFileSync(file, 'utf8');
      if (startsWithUseClient(code)) continue;
      writeFileSync(file, `'use client';\n${code}`);
      const map = `${file}.map`;
      if (existsSync(map)) {
        const json = JSON.parse(readFileSync(map, 'utf8'));
        json.mappings = `;${json.mappings}`;
        writeFileSync(map, JSON.stringify(json));
      }
      marked.push(file);
    }
  }
  return marked;
}
