import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Any `console.error` during a story (React warnings, failed requests the UI swallowed, ...) fails its test: the
 * messages are collected while the story renders and plays, then thrown once it has finished.
 */
let errors: unknown[][] = [];

beforeEach(() => {
  errors = [];
  const original = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args);
    original(...args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (errors.length > 0) {
    const messages = errors.map((args) =>
      args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' '),
    );
    throw new Error(`console.error was called during the story:\n${messages.join('\n')}`);
  }
});
