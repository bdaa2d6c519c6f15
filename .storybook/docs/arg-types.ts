/**
 * What the props tables need beyond docgen: the default a prop's description states (`(default 30)`, `` `full`
 * (default) ``) — docgen knows only defaults written as code, and shows a constant's name rather than its value — and
 * the callbacks grouped as "Events".
 */
import type { ArgTypesEnhancer } from 'storybook/internal/types';

/** The default a prop's description states, if it states one. */
export function statedDefault(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const named = /`([^`]+)`\s*\(default\)/.exec(description)?.[1];
  if (named) return named;
  const value =
    /\(default:?\s+(`[^`]*`[^)]*|[^)]*)\)/i.exec(description)?.[1] ??
    /(?:^|[;.]\s*)default:\s+([^.;)]+)/i.exec(description)?.[1];
  return value
    ?.split(';')[0]
    ?.trim()
    .replace(/^`([^`]*)`$/, '$1');
}

/** Every prop's stated default (see {@link statedDefault}) in its table row; callbacks (`on…`) under "Events". */
export const documentProps: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const stated = statedDefault(argType.description);
      const table = {
        ...argType.table,
        ...(stated ? { defaultValue: { summary: stated } } : {}),
        ...(/^on[A-Z]/.test(name) ? { category: 'Events' } : {}),
      };
      return [name, { ...argType, table }];
    }),
  );
