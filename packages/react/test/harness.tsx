import type { CrmClient } from '@crmkit/client';
import {
  createSalesPipeline,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '@crmkit/sandbox';
import { QueryClient } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll } from 'vitest';
import { CrmProvider, type CrmProviderProps } from '../src/index.js';

const open: { close(): Promise<void> }[] = [];

/**
 * Databases start from snapshots built before the tests (see vitest.config.ts); the first start of a page still loads
 * PostgreSQL itself (a second or two on a busy machine). Warm it outside any test's timeout.
 */
export const warm = (seed?: SandboxOptions['seed']) =>
  beforeAll(() => (seed ? startSandbox({ seed }) : startTestServer()).then((s) => s.close()), 120_000);
warm();
afterEach(async () => {
  // Unmount first (Vitest has no globals here, so Testing Library does not clean up by itself): that ends feeds and
  // cancels requests before their server goes away.
  cleanup();
  for (const s of open.splice(0)) await s.close();
});

/**
 * A fresh in-browser reference server with the shared test workspaces A and B of `@crmkit/sandbox` (closed after the
 * test).
 */
export async function sandbox(options: Omit<TestServerOptions, 'database'> = {}): Promise<TestServer> {
  const s = await startTestServer(options);
  open.push(s);
  return s;
}

/** A fresh in-browser reference server on the demo data set (closed after the test). */
export async function demoSandbox(): Promise<Sandbox> {
  const s = await startSandbox({ seed: 'demo' });
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
export const salesPipeline = createSalesPipeline;
