import type { paths } from '@crmkit/spec';
import type { Client, Middleware } from 'openapi-fetch';
import type { Send } from './transport.js';

/** The methods of `raw` that send a request; each loads openapi-fetch on first use. */
const SENDERS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE', 'request'] as const;

/**
 * The client's `raw`: openapi-fetch's typed client over every path of the contract, sending through `send` (so auth,
 * retries, typed errors and validation apply). openapi-fetch is loaded on the first call, as a chunk of its own: the
 * resource methods do not need it, so pages that never use `raw` never download it. Middleware added with `use`
 * before then is applied once it has loaded.
 *
 * @example
 * const raw = rawClient('https://crm.example.com', send);
 * const { data } = await raw.GET('/v1/contacts/{id}', { params: { path: { id } } });
 */
export function rawClient(baseUrl: string, send: Send): Client<paths> {
  const middleware: Middleware[] = [];
  let loaded: Client<paths> | undefined;
  let loading: Promise<Client<paths>> | undefined;
  const load = () =>
    (loading ??= import('openapi-fetch').then((module) => {
      // Node's CommonJS interop may hand over the module object as `default`.
      const createClient = (module.default as unknown as { default?: typeof module.default }).default ?? module.default;
      loaded = createClient<paths>({
        baseUrl,
        // openapi-fetch builds a `Request` (path, query and body serialised, per-call options copied onto it).
        fetch: async (request: Request & { timeout?: number; ifVersion?: number; idempotencyKey?: string }) =>
          send({
            method: request.method,
            url: request.url,
            headers: request.headers,
            body: (await request.text()) || undefined,
            signal: request.signal,
            timeout: request.timeout,
            ifVersion: request.ifVersion,
            idempotencyKey: request.idempotencyKey,
          }),
      });
      loaded.use(...middleware);
      return loaded;
    }));
  const raw = Object.fromEntries(
    SENDERS.map((method) => [method, async (...args: unknown[]) => ((await load())[method] as Function)(...args)]),
  );
  return {
    ...raw,
    use: (...added: Middleware[]) => (loaded ? loaded.use(...added) : void middleware.push(...added)),
    eject: (...removed: Middleware[]) => {
      if (loaded) return loaded.eject(...removed);
      for (const m of removed) if (middleware.includes(m)) middleware.splice(middleware.indexOf(m), 1);
    },
  } as unknown as Client<paths>;
}
