import type { NextConfig } from 'next';

/**
 * The club's Next.js config. `@crmkit/*` resolve like any npm dependency: to their built `dist` (ESM, each widget
 * entry starting with `'use client'`), so run `pnpm build` at the repository root first. The browser calls the CRM
 * API directly (it allows any origin and takes bearer tokens only, no cookies): no rewrites needed.
 */
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
