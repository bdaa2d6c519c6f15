import { useList } from '@crmkit/react';
import { useT } from '../../../context/i18n.js';
import { Select } from '../../../primitives/Field.js';
import { useUsers } from '../../shared/lists/useUsers.js';
import type { Assignee } from './draft.js';

/** Props of {@link AssigneeFields}. */
export interface AssigneeFieldsProps {
  label: string;
  value: Assignee;
  onChange: (assignee: Assignee) => void;
  /** The server's messages by the step's field. */
  errors: ReadonlyMap<string, string>;
  /** Where the assignee sits in the step (`assignee`, `to`): its errors are `<prefix>.userId`, `<prefix>.teamId`. */
  prefix: string;
}

/**
 * Who a task, an assignment or a notification goes to: the record's owner, the members of a team in turn (round
 * robin, kept by the server) or a chosen user. Choosing a team or a user picks the first one, so the step is never
 * saved half set.
 */
export function AssigneeFields({ label, value, onChange, errors, prefix }: AssigneeFieldsProps) {
  const t = useT();
  const { assignable } = useUsers();
  const teams = useList('teams', { limit: 200 }).items as { id: string; name: string }[];
  const pick = (type: Assignee['type']): Assignee => {
    if (type === 'user') return { type, userId: value.userId ?? assignable[0]?.id };
    if (type === 'round_robin') return { type, teamId: value.teamId ?? teams[0]?.id };
    return { type };
  };
  return (
    <>
      <Select
        label={label}
        options={(['owner', 'round_robin', 'user'] as const).map((type) => ({
          value: type,
          label: t(`ruleEditor.assignee.${type}`),
        }))}
        value={value.type}
        error={errors.get(`${prefix}.type`) ?? errors.get(prefix)}
        onChange={(e) => onChange(pick(e.target.value as Assignee['type']))}
      />
      {value.type === 'user' && (
        <Select
          label={t('ruleEditor.user')}
          required
          placeholder=""
          options={assignable.map((u) => ({ value: u.id, label: u.name }))}
          value={value.userId ?? ''}
          error={errors.get(`${prefix}.userId`)}
          onChange={(e) => onChange({ type: 'user', userId: e.target.value || undefined })}
        />
      )}
      {value.type === 'round_robin' && (
        <Select
          label={t('ruleEditor.team')}
          required
          placeholder=""
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
          value={value.teamId ?? ''}
          error={errors.get(`${prefix}.teamId`)}
          onChange={(e) => onChange({ type: 'round_robin', teamId: e.target.value || undefined })}
        />
      )}
    </>
  );
}
