/** The methods of one or more clients whose code is in a chunk loaded on first use, by client name. */
export type DeferredNames = Readonly<Record<string, readonly string[]>>;

// biome-ignore lint/complexity/noBannedTypes: any method of any deferred client.
type Methods = Record<string, Record<string, Function>>;

/**
 * Stand-ins for `names`' methods that load the real ones (`load`, called once) on their first call and hand the call
 * on: the one way the automation and campaign clients keep their code out of the eager bundle of apps and widgets
 * that never call them.
 *
 * @example
 * const { campaigns } = deferredClients(() => import('./campaign-methods.js').then((m) => m.methods(call)), {
 *   campaigns: ['preview', 'schedule'],
 * });
 * await campaigns.preview(request); // loads the chunk, then calls its preview
 */
export function deferredClients<T>(load: () => Promise<T>, names: DeferredNames): T {
  let loading: Promise<Methods> | undefined;
  const loaded = () => (loading ??= load() as unknown as Promise<Methods>);
  return Object.fromEntries(
    Object.entries(names).map(([client, methods]) => [
      client,
      Object.fromEntries(
        methods.map((method) => [method, async (...args: unknown[]) => (await loaded())[client]![method]!(...args)]),
      ),
    ]),
  ) as T;
}
