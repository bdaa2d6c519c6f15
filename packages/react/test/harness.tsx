import type { CrmClient } from '@crmkit/client';
import { type Sandbox, type SandboxOptions, startSandbox } from '@crmkit/sandbox';
import { QueryClient } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll } from 'vitest';
import { CrmProvider, type CrmProviderProps } from '../src/index.js';

const open: Sandbox[] = [];

/**
 * The first start of a seed in a browser session migrates, seeds and snapshots a database (up to ~20 s on a busy
 * machine); later ones load the snapshot. Warm it outside any test's timeout.
 */
export const warm = (seed: SandboxOptions['seed'] = 'empty') =>
  beforeAll(() => startSandbox({ seed }).then((s) => s.close()), 120_000);
warm();
afterEach(async () => {
  // Unmount first (Vitest has no globals here, so Testing Library does not clean up by itself): that ends feeds and
  // cancels requests before their server goes away.
  cleanup();
  for (const s of open.splice(0)) await s.close();
});

/** A fresh in-browser reference server (closed after the test). */
export async function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const s = await startSandbox(options);
  open.push(s);
  return s;
}

/** A QueryClient for one test: no retries, so failures surface at once. */
export const testQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });

/** A Testing Library `wrapper` that provides `client` (one QueryClient per wrapper: one "tab"). */
export function providerFor(client: CrmClient, props: Partial<CrmProviderProps> = {}) {
  const queryClient = props.queryClient ?? testQueryClient();
  // biome-ignore lint/correctness/noComponentHookFactories: a test wrapper bound to one client, made once per render call.
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <CrmProvider client={client} queryClient={queryClient} {...props}>
      {children}
    </CrmProvider>
  );
  return { wrapper: Wrapper, queryClient };
}

/** Creates the default sales pipeline (VND) and returns it with its stages by name. */
export async function salesPipeline(crm: CrmClient) {
  const pipeline = await crm.pipelines.create({
    name: 'Sales',
    isDefault: true,
    currency: 'VND',
    stages: [
      { name: 'Lead', probability: 10, kind: 'open' },
      { name: 'Proposal', probability: 60, kind: 'open' },
      { name: 'Won', probability: 100, kind: 'won' },
    ],
  });
  const [lead, proposal, won] = pipeline.stages;
  return { pipeline, lead: lead!, proposal: proposal!, won: won! };
}
