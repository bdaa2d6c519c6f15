import { useEffect, useRef } from 'react';
import { useAnnounce } from '../../../context/announce.js';
import { useT } from '../../../context/i18n.js';
import type { EntityName } from '../../../context/labels.js';
import { Button } from '../../../primitives/Button.js';
import { Select } from '../../../primitives/Field.js';
import * as icons from '../../../primitives/icons.js';
import { ActivityRow } from './ActivityRow.js';
import { ConditionRow } from './ConditionRow.js';
import { type Edit, edits } from './edit.js';
import { type FilterField, useFilterFields } from './fields.js';
import { type RowActions, RowEnd } from './RowParts.js';
import type { GroupDraft, NodeDraft } from './tree.js';

/** Groups nest at most this deep (the contract allows 6 levels; conditions sit one below their group). */
const MAX_GROUP_DEPTH = 4;

/** Props of {@link FilterEditor}. */
export interface FilterEditorProps {
  /** Whose fields the conditions are on (`contact`, `company`, `lead`, `deal`, `ticket`). */
  entity: EntityName;
  /** The tree being edited: `draft` of {@link useFilterDraft}. */
  value: GroupDraft;
  onChange: (next: GroupDraft) => void;
  /** The accessible name of the whole tree (e.g. "Conditions"). */
  label: string;
  /** Messages shown under rows, by row id: `errors` of {@link useFilterDraft} (incomplete rows, the server's errors). */
  errors?: ReadonlyMap<string, string>;
  /** Shows the conditions as sentences, with no controls (a viewer). */
  readOnly?: boolean;
  /** Offers relative dates ("in the next 7 days", a birthday's anniversary) on date fields (default true). */
  relativeDates?: boolean;
  /**
   * Offers activity facts ("had a call in the last 90 days", "no visit for 21 days") — for a segment of records
   * activities link to (default false).
   */
  activityFacts?: boolean;
}

/** Where focus goes after an edit: a node's first control or its actions menu, or a group's "Add condition". */
type FocusTarget = { node: string; control: 'first' | 'menu' } | { group: string };

/** Reading-order numbers of the condition rows (and kept conditions), by id. */
function numbersOf(root: GroupDraft): Map<string, number> {
  const numbers = new Map<string, number>();
  const walk = (node: NodeDraft) => {
    if (node.kind === 'group') node.children.forEach(walk);
    else numbers.set(node.id, numbers.size + 1);
  };
  walk(root);
  return numbers;
}

/**
 * An accessible editor of a filter tree: nested groups matching all (AND) or any (OR) of their conditions; a row per
 * condition with the field (the workspace's schema, custom fields included), a comparison typed by the field (text,
 * numbers, amounts, dates with relative "in the next N days" and yearly anniversaries, selects, tags, users) and a
 * value picker. Everything works from the keyboard: rows are named ("Condition 2: Membership expiry"), each has a
 * remove button and a menu to move it up or down, into a group of its own or out of its group; focus moves to the
 * row now in a removed row's place (else the group's "Add condition"), never to the page.
 *
 * Pair it with {@link useFilterDraft}, which holds the draft and builds the contract's tree from it.
 *
 * @example
 * const filter = useFilterDraft('contact', rule.conditions);
 * <FilterEditor entity="contact" label={t('conditions')} value={filter.draft} onChange={filter.setDraft} errors={filter.errors} />
 * save({ conditions: filter.built.filter });
 */
export function FilterEditor({
  entity,
  value,
  onChange,
  label,
  errors,
  readOnly = false,
  relativeDates = true,
  activityFacts = false,
}: FilterEditorProps) {
  const t = useT();
  const announce = useAnnounce();
  const fields = useFilterFields(entity);
  const root = useRef<HTMLDivElement>(null);
  const pending = useRef<FocusTarget | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: after each change of the tree
  useEffect(() => {
    const target = pending.current;
    pending.current = null;
    if (!target || !root.current) return;
    const selector =
      'group' in target
        ? `[data-filter-add="${target.group}"]`
        : target.control === 'menu'
          ? `[data-filter-node="${target.node}"] [data-filter-menu]`
          : `[data-filter-node="${target.node}"] [data-filter-first], [data-filter-node="${target.node}"] button`;
    root.current.querySelector<HTMLElement>(selector)?.focus();
  }, [value]);

  const apply = (edit: Edit & { group?: string }, control: 'first' | 'menu' = 'first') => {
    pending.current = edit.focus ? { node: edit.focus, control } : edit.group ? { group: edit.group } : null;
    onChange(edit.root);
  };
  const actions: RowActions = {
    change: (row) => onChange(edits.replace(value, row).root),
    convert: (row) => apply({ ...edits.replace(value, row), focus: row.id }),
    remove: (id) => {
      apply(edits.remove(value, id));
      announce(t('filters.removed'));
    },
    move: (id, by) => apply(edits.move(value, id, by), 'menu'),
    indent: (id) => apply(edits.indent(value, id), 'menu'),
    outdent: (id) => apply(edits.outdent(value, id), 'menu'),
  };
  const context: GroupContext = {
    fields,
    numbers: numbersOf(value),
    errors,
    readOnly,
    relativeDates,
    activityFacts,
    actions,
    join: (id, join) => onChange(edits.join(value, id, join).root),
    add: (id, what) => apply(edits.add(value, id, what)),
    where: (id) => edits.where(value, id),
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a tree of groups, named; fieldsets would nest legends oddly
    <div ref={root} role="group" aria-label={label} className="crm-filters">
      <Group group={value} depth={0} ctx={context} />
    </div>
  );
}

/** What every group of one editor shares. */
interface GroupContext {
  fields: FilterField[];
  numbers: Map<string, number>;
  errors: ReadonlyMap<string, string> | undefined;
  readOnly: boolean;
  relativeDates: boolean;
  activityFacts: boolean;
  actions: RowActions;
  join(id: string, join: 'and' | 'or'): void;
  add(id: string, what: 'condition' | 'group'): void;
  where(id: string): { depth: number; first: boolean; last: boolean };
}

function Group({ group, depth, ctx }: { group: GroupDraft; depth: number; ctx: GroupContext }) {
  const t = useT();
  const joinLabel = t(`filters.join.${group.join}`);
  const placeOf = (id: string) => {
    const { first, last } = ctx.where(id);
    return { first, last, nested: depth > 0, canIndent: depth + 1 < MAX_GROUP_DEPTH };
  };
  /** What every row of this group is given besides its draft. */
  const rowProps = (id: string) => ({
    n: ctx.numbers.get(id) ?? 0,
    fields: ctx.fields,
    relativeDates: ctx.relativeDates,
    activityFacts: ctx.activityFacts,
    error: ctx.errors?.get(id),
    readOnly: ctx.readOnly,
    place: placeOf(id),
    actions: ctx.actions,
  });
  return (
    // biome-ignore lint/a11y/useSemanticElements: see FilterEditor
    <div
      role="group"
      aria-label={t('filters.group', { join: joinLabel })}
      className="crm-filters-group"
      data-depth={depth}
      data-join={group.join}
    >
      <div className="crm-filters-join">
        {ctx.readOnly ? (
          <p>
            {t('filters.match')} {joinLabel}
          </p>
        ) : (
          <Select
            label={t('filters.match')}
            options={(['and', 'or'] as const).map((j) => ({ value: j, label: t(`filters.join.${j}`) }))}
            value={group.join}
            onChange={(e) => ctx.join(group.id, e.target.value as 'and' | 'or')}
          />
        )}
      </div>
      {group.children.length === 0 ? (
        <p className="crm-filters-empty">{t('filters.empty')}</p>
      ) : (
        <ul className="crm-filters-list">
          {group.children.map((child) => (
            <li key={child.id} data-filter-node={child.id}>
              {child.kind === 'group' ? (
                <Group group={child} depth={depth + 1} ctx={ctx} />
              ) : child.kind === 'kept' ? (
                // biome-ignore lint/a11y/useSemanticElements: see FilterEditor
                <div role="group" aria-label={t('filters.kept')} className="crm-filters-row" data-kept="">
                  <p className="crm-filters-sentence">{t('filters.kept')}</p>
                  {!ctx.readOnly && (
                    <RowEnd
                      id={child.id}
                      n={ctx.numbers.get(child.id) ?? 0}
                      place={placeOf(child.id)}
                      actions={ctx.actions}
                    />
                  )}
                </div>
              ) : child.kind === 'activity' ? (
                <ActivityRow {...rowProps(child.id)} row={child} />
              ) : (
                <ConditionRow {...rowProps(child.id)} row={child} />
              )}
            </li>
          ))}
        </ul>
      )}
      {!ctx.readOnly && (
        <div className="crm-filters-add">
          <Button
            size="sm"
            variant="ghost"
            icon={icons.plus}
            data-filter-add={group.id}
            onClick={() => ctx.add(group.id, 'condition')}
          >
            {t('filters.addCondition')}
          </Button>
          {depth + 1 < MAX_GROUP_DEPTH && (
            <Button size="sm" variant="ghost" icon={icons.plus} onClick={() => ctx.add(group.id, 'group')}>
              {t('filters.addGroup')}
            </Button>
          )}
          {depth > 0 && (
            <Button size="sm" variant="ghost" icon={icons.trash} onClick={() => ctx.actions.remove(group.id)}>
              {t('filters.removeGroup')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
