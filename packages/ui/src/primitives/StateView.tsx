import type { AuthError, CrmError } from '@crmkit/client';
import { type HTMLAttributes, type ReactNode, useEffect, useId } from 'react';
import { useMessages } from '../context/i18n.js';
import { type EntityName, useEntityLabel } from '../context/labels.js';
import { usePart } from '../context/parts.js';
import { Button } from './Button.js';
import { Icon, type IconPath } from './Icon.js';
import * as icons from './icons.js';
import { Spinner } from './Spinner.js';

/** The non-content states a widget can be in. */
export type ViewState = 'loading' | 'empty' | 'no-results' | 'error' | 'forbidden' | 'not-found' | 'offline';

/**
 * The state to show for an error: `ForbiddenError` → `forbidden`, `NotFoundError` → `not-found`, `NetworkError` →
 * `offline`, anything else → `error`. Matches by error name and status, so it works across copies of
 * `@crmkit/client`.
 *
 * @example
 * const { error } = useRecord('contacts', id);
 * if (error) return <StateView state={stateOfError(error)} />;
 */
export function stateOfError(error: unknown): 'error' | 'forbidden' | 'not-found' | 'offline' {
  const e = error as Partial<CrmError> | null | undefined;
  if (e?.name === 'ForbiddenError' || e?.status === 403) return 'forbidden';
  if (e?.name === 'NotFoundError' || e?.status === 404) return 'not-found';
  if (e?.name === 'NetworkError') return 'offline';
  return 'error';
}

/**
 * Whether the host runs a development build: its bundler (or Node) sets `process.env.NODE_ENV`; where nothing does (a
 * browser without a bundler) it counts as production, so end users never see developer details.
 */
const DEV = (() => {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
})();

/** Token failures already written to the console: widgets that failed on the same `getToken` call log it once. */
const logged = new WeakSet<object>();

/** `error` when it says that the client's `getToken` failed (an `AuthError` with `reason: 'token'`). */
const tokenFailure = (error: unknown): AuthError | undefined =>
  (error as Partial<AuthError> | null)?.reason === 'token' ? (error as AuthError) : undefined;

const ICONS: Record<ViewState, IconPath | undefined> = {
  loading: undefined,
  empty: icons.inbox,
  'no-results': icons.search,
  error: icons.alert,
  forbidden: icons.lock,
  'not-found': icons.search,
  offline: icons.offline,
};

/** Props of {@link StateView}. */
export interface StateViewProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  /** The state; default derived from `error` (see {@link stateOfError}), else `empty`. */
  state?: ViewState;
  /** The error to show: picks the state, and its request id is shown as a reference. */
  error?: unknown;
  /** Shows a "Try again" button in the error and offline states. */
  onRetry?: () => void;
  /** The entity shown, for "No members yet" and "Loading members…" (labels from the workspace schema). */
  entity?: EntityName;
  /** Overrides the state's title. */
  title?: ReactNode;
  /** Overrides the state's description. */
  description?: ReactNode;
  /** Extra actions (e.g. "Add a note" in an empty timeline). */
  action?: ReactNode;
  /** Less padding and no description, for small spaces. */
  compact?: boolean;
}

/**
 * Loading, empty, no-results, error (with retry), forbidden, not-found and offline states, with an icon, a title, a
 * description and actions. Loading and empty are a `role="status"`, the failures a `role="alert"`, each named by its
 * title.
 *
 * @example
 * const { data, error, isPending, refetch } = useRecord('contacts', id);
 * if (isPending) return <StateView state="loading" entity="contact" />;
 * if (error) return <StateView error={error} onRetry={() => refetch()} />;
 */
export function StateView({
  state: stateProp,
  error,
  onRetry,
  entity,
  title,
  description,
  action,
  compact,
  className,
  style,
  children,
  ...rest
}: StateViewProps) {
  const { t, locale } = useMessages();
  const id = useId();
  const state: ViewState = stateProp ?? (error ? stateOfError(error) : 'empty');
  const label = useEntityLabel(entity ?? 'contact', 'plural');
  // Mid-sentence: "No members yet" (a no-op for scripts without case, such as Thai).
  const entities = entity ? label.toLocaleLowerCase(locale) : undefined;
  const e = error as Partial<CrmError> | undefined;
  // A failing token endpoint is the host's to fix: say so in the console, and on screen in development builds.
  const token = tokenFailure(error);
  const tokenDetail = token && `no embed token (${token.message}): check the token endpoint your getToken calls`;
  useEffect(() => {
    if (!token || logged.has(token)) return;
    logged.add(token);
    console.error(`crmkit: the widgets show an error as they got ${tokenDetail}`, token);
  }, [token, tokenDetail]);
  const texts: Record<ViewState, [ReactNode, ReactNode]> = {
    loading: [entities ? t('state.loadingOf', { entities }) : t('state.loading'), undefined],
    empty: [entities ? t('state.empty.titleOf', { entities }) : t('state.empty.title'), t('state.empty.description')],
    'no-results': [t('state.noResults.title'), t('state.noResults.description')],
    error: [
      t('state.error.title'),
      e?.name === 'RateLimitedError' ? t('state.rateLimited.description') : t('state.error.description'),
    ],
    forbidden: [t('state.forbidden.title'), t('state.forbidden.description')],
    'not-found': [t('state.notFound.title'), t('state.notFound.description')],
    offline: [t('state.offline.title'), t('state.offline.description')],
  };
  const [defaultTitle, defaultDescription] = texts[state];
  const failed = state === 'error' || state === 'forbidden' || state === 'not-found' || state === 'offline';
  const retry = onRetry && (state === 'error' || state === 'offline');
  const icon = ICONS[state];
  const shownDescription = compact ? undefined : (description ?? defaultDescription);
  const part = usePart('stateView', { className, style });
  const titlePart = usePart('stateViewTitle');
  const descriptionPart = usePart('stateViewDescription');
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is status or alert
    <div
      role={failed ? 'alert' : 'status'}
      aria-labelledby={`${id}-title`}
      aria-busy={state === 'loading' || undefined}
      data-state={state}
      data-compact={compact || undefined}
      {...rest}
      {...part}
    >
      {state === 'loading' ? (
        <Spinner decorative size={compact ? undefined : 24} />
      ) : (
        icon && (
          <span className="crm-state-view-icon">
            <Icon icon={icon} />
          </span>
        )
      )}
      <p id={`${id}-title`} {...titlePart}>
        {title ?? defaultTitle}
      </p>
      {shownDescription && <p {...descriptionPart}>{shownDescription}</p>}
      {children}
      {(retry || action) && (
        <div className="crm-state-view-actions">
          {retry && (
            <Button icon={icons.refresh} onClick={onRetry}>
              {t('action.retry')}
            </Button>
          )}
          {action}
        </div>
      )}
      {state === 'error' && e?.requestId && (
        <p className="crm-state-view-reference">{t('state.error.reference', { id: e.requestId })}</p>
      )}
      {DEV && tokenDetail && (
        // For the host's developer, in development builds only (hence not translated).
        <p className="crm-state-view-reference" data-crm-development="">{`Development: ${tokenDetail}`}</p>
      )}
    </div>
  );
}
