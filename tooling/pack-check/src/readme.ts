import { readFile } from 'node:fs/promises';

/** What the README tells a new user to do: the install command's packages and the component to paste. */
export interface ReadmeSetup {
  /** The packages of the README's first `npm install` line, as written (`@crmkit/ui`, `react`, ...). */
  packages: string[];
  /** The README's first `tsx` code block, verbatim. */
  component: string;
}

/** The code blocks of a Markdown document in order, with their info string (`sh`, `tsx`, ...). */
function codeBlocks(markdown: string): { lang: string; code: string }[] {
  return [...markdown.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)^```/gm)].map((m) => ({ lang: m[1]!, code: m[2]! }));
}

/** Reads the install line and the component snippet of a README (throws when either is missing). */
export async function readmeSetup(readmePath: string): Promise<ReadmeSetup> {
  const blocks = codeBlocks(await readFile(readmePath, 'utf8'));
  const install = blocks
    .flatMap((b) => (b.lang === 'sh' ? b.code.split('\n') : []))
    .find((line) => /^\s*npm install\s/.test(line));
  const component = blocks.find((b) => b.lang === 'tsx')?.code;
  if (!install || !component) throw new Error(`${readmePath} has no \`npm install\` line or no tsx snippet`);
  const packages = install
    .replace(/#.*$/, '')
    .trim()
    .split(/\s+/)
    .slice(2)
    .filter((word) => !word.startsWith('-'));
  return { packages, component };
}
