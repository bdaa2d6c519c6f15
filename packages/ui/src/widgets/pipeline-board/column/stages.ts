import type { Schemas } from '@crmkit/client';
import { useMemo } from 'react';
import { pipelineStageName } from '../../shared/fields/labels.js';
import type { BoardStage } from './deal-facts.js';

/**
 * The pipeline's stages as the board shows them: each named by its label in the user's language (`pipelineStageName`), so
 * every part of the board — columns, menus, announcements, prompts — says "Gửi báo giá", not "Proposal".
 */
export function useBoardStages(stages: readonly Schemas['Stage'][] | undefined, locale: string): BoardStage[] {
  return useMemo(
    () => (stages ?? []).map((s) => ({ ...s, name: pipelineStageName(s, locale) })) as BoardStage[],
    [stages, locale],
  );
}
