import type { CrmClient } from '@crmkit/client';
import { QueryClient, QueryClientContext, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { createFormat, type Format } from './format.js';
import { crmQueries } from './options.js';

/** What {@link useCrm} returns: the client and the locale settings of the nearest {@link CrmProvider}. */
export interface CrmContextValue {
  client: CrmClient;
  locale: string;
  timeZone: string | undefined;
  currency: string | undefined;
  calendar: string | undefined;
  format: Format;
  /** The provider's clock: what the widgets treat as "now" (today, overdue, upcoming birthdays). */
  now: () => Date;
}

const systemNow = () => new Date();

const CrmContext = createContext<CrmContextValue | null>(null);

/** Props of {@link CrmProvider}. */
export interface CrmProviderProps {
  client: CrmClient;
  /** BCP 47 locale of every string and format (default `en-US`). */
  locale?: string;
  /** IANA time zone of dates (default: the browser's). */
  timeZone?: string;
  /** Default currency for amounts that do not name one (default: the workspace's). */
  currency?: string;
  /** Calendar of dates, e.g. `gregory` for Thai users who want 2026 rather than 2569. */
  calendar?: string;
  /**
   * The clock the widgets read "now" from — today and yesterday, overdue tasks, upcoming birthdays, relative times
   * (default: the system clock). Pin it in tests and demos that must look the same at any hour.
   */
  now?: () => Date;
  /**
   * The host's QueryClient. Default: the one of an enclosing `QueryClientProvider`, else one created for this
   * provider.
   */
  queryClient?: QueryClient;
  /**
   * Keep the cache live: follow the change feed when the server has one, else refetch what is on screen every
   * `pollInterval` ms. Default `true`.
   */
  live?: boolean;
  /** Polling period when the server has no change feed (default 30 s). */
  pollInterval?: number;
  children?: ReactNode;
}

/**
 * Makes a crmkit client, locale settings and a live query cache available to the hooks below it. Works inside a host's
 * own `QueryClientProvider` (sharing its cache) or alone.
 *
 * @example
 * const client = createCrmClient({ baseUrl: '/crm', auth: { getToken } });
 * <CrmProvider client={client} locale="vi-VN" timeZone="Asia/Ho_Chi_Minh" currency="VND">
 *   <MyContacts />
 * </CrmProvider>
 */
export function CrmProvider({ queryClient, ...props }: CrmProviderProps) {
  const outer = useContext(QueryClientContext);
  const [own] = useState(() => (queryClient || outer ? undefined : new QueryClient()));
  const client = queryClient ?? outer ?? own!;
  const inner = <CrmScope {...props} />;
  return client === outer ? inner : <QueryClientProvider client={client}>{inner}</QueryClientProvider>;
}

function CrmScope({
  client,
  locale = 'en-US',
  timeZone,
  currency,
  calendar,
  now = systemNow,
  live = true,
  pollInterval = 30_000,
  children,
}: Omit<CrmProviderProps, 'queryClient'>) {
  const schema = useQuery({ ...crmQueries.schema(client), enabled: live }).data;
  const value = useMemo<CrmContextValue>(() => {
    const cur = currency ?? schema?.workspace.defaultCurrency;
    return {
      client,
      locale,
      timeZone,
      currency: cur,
      calendar,
      now,
      format: createFormat({ locale, timeZone, currency: cur, calendar, now }),
    };
  }, [client, locale, timeZone, currency, calendar, now, schema?.workspace.defaultCurrency]);
  const queryClient = useQueryClient();
  const feed = schema?.capabilities.events;
  useEffect(() => {
    if (!live || feed === undefined) return;
    // The feed resumes after a reconnect with Last-Event-ID, so nothing needs refetching then. What an event does to
    // the cache loads with the first event (a chunk of its own, as the client's feed code is); events are handed
    // over one at a time, so they apply in order.
    if (feed) {
      return client.events.subscribe(async (event) => (await import('./live.js')).applyEvent(queryClient, event));
    }
    const timer = setInterval(() => void queryClient.invalidateQueries({ queryKey: ['crmkit'] }), pollInterval);
    return () => clearInterval(timer);
  }, [client, queryClient, live, feed, pollInterval]);
  return <CrmContext.Provider value={value}>{children}</CrmContext.Provider>;
}

/**
 * The client and locale settings of the nearest {@link CrmProvider}; throws outside one.
 *
 * @example
 * const { client, format } = useCrm();
 */
export function useCrm(): CrmContextValue {
  const value = useContext(CrmContext);
  if (!value) throw new Error('useCrm: no <CrmProvider> above this component.');
  return value;
}

/**
 * Formatting bound to the provider's locale, time zone, currency and calendar.
 *
 * @example
 * const f = useFormat();
 * <td>{f.money(deal.amount ?? 0, deal.currency)}</td>
 */
export function useFormat(): Format {
  return useCrm().format;
}

/**
 * "Now" from the provider's clock, refreshed every `everyMs` (default one minute), for what changes with time on screen:
 * Today / Yesterday headings, overdue marks, relative times.
 *
 * @example
 * const now = useNow();
 * const overdue = Date.parse(task.dueAt) < now.getTime();
 */
export function useNow(everyMs = 60_000): Date {
  const { now } = useCrm();
  const [at, setAt] = useState(now);
  useEffect(() => {
    setAt(now());
    const timer = setInterval(() => setAt(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return at;
}
