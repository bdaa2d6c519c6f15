import { defineProject } from 'vitest/config';

/**
 * The Storybook's checks in Node (`.storybook/test/`): the static build as published — built, served under a
 * sub-path by a plain static server, opened in Chromium (it builds the Storybook itself: a minute or two) — and the
 * widgets' README sections its docs pages show (install lines, snippets type-checked).
 */
export default defineProject({
  test: {
    name: 'storybook-node',
    environment: 'node',
    include: ['.storybook/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
