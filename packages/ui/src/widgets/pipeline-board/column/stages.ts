import type { Schemas } from '@crmkit/client';
import { stageName } from '@crmkit/react';
import { useMemo } from 'react';
import type { BoardStage } from './deal-facts.js';

/**
 * The pipeline's stages as the board shows them: each named by its label in the user's language (`stageName`), so
 * every part of the board — columns, menus, announcements, prompts — says "Gửi báo giá", not "Proposal".
 */
export function useBoardStages(stages: readonly Schemas['Stage'][] | undefined, locale: string): BoardStage[] {
  return useMemo(
    () => (stages ?? []).map((s) => ({ ...s, name: stageName(s, locale) })) as BoardStage[],
    [stages, locale],
  );
}
