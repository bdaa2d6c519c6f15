import type { CrmClient } from '@crmkit/client';
import { type Sandbox, type SandboxSeed, startSandbox } from '@crmkit/sandbox';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeAll } from 'vitest';
import { CrmProvider, type CrmProviderProps } from '../src/index.js';
import '../src/styles.css';

const sandboxes = new Map<SandboxSeed, Promise<Sandbox>>();

/** The sandbox of `seed`, started once per test file. */
export function sandbox(seed: SandboxSeed = 'empty'): Promise<Sandbox> {
  let started = sandboxes.get(seed);
  if (!started) {
    started = startSandbox({ seed });
    sandboxes.set(seed, started);
  }
  return started;
}

// Every file that renders through the harness starts the empty sandbox first: from a snapshot built before the tests
// (see vitest.config.ts), but the page's first start still loads PostgreSQL itself.
beforeAll(async () => {
  await sandbox();
});

/** Renders `ui` inside the provider, with a real client of an empty sandbox unless one is given. */
export async function renderUi(
  ui: ReactNode,
  props: Partial<CrmProviderProps> & { client?: CrmClient } = {},
): Promise<{ container: HTMLElement; unmount: () => void }> {
  const client = props.client ?? (await sandbox()).client();
  return render(
    <CrmProvider live={false} {...props} client={client}>
      {ui}
    </CrmProvider>,
  );
}
