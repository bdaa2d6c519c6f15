import { cleanup, configure } from '@testing-library/react';
import { afterEach, expect } from 'vitest';

// The server runs in the same tab as the widgets, on a shared 2-core machine: give `findBy*` and `waitFor` time.
configure({ asyncUtilTimeout: 5000 });

// A message shown where its catalog part is not in scope (a widget using another widget's strings) fails the test.
const missing: string[] = [];
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('crmkit: no message')) missing.push(args[0]);
  consoleError(...args);
};

afterEach(() => {
  cleanup();
  expect(missing.splice(0), 'messages shown outside their part’s scope').toEqual([]);
});
