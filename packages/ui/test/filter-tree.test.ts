import { describe, expect, it } from 'vitest';
import { edits } from '../src/widgets/shared/filters/edit.js';
import { codecOf, type FilterField } from '../src/widgets/shared/filters/fields.js';
import {
  draftOf,
  type FilterTree,
  filterOf,
  type GroupDraft,
  newActivity,
  rowOfPath,
} from '../src/widgets/shared/filters/tree.js';

const FIELDS: FilterField[] = [
  { name: 'birthday', label: 'Birthday', kind: 'date', required: false },
  { name: 'tags', label: 'Tags', kind: 'tags', required: false },
  { name: 'customFields.balance', label: 'Balance', kind: 'currency', required: false, digits: 2 },
  { name: 'ownerId', label: 'Owner', kind: 'user', required: false },
];
const codec = (name: string) => codecOf(FIELDS.find((f) => f.name === name));

describe('filter tree drafts', () => {
  it('round-trips every kind of condition the rows show, and keeps what they cannot', () => {
    const filter: FilterTree = {
      and: [
        { field: 'birthday', op: 'inNextDays', days: 7, yearly: true },
        { not: { field: 'tags', op: 'in', value: ['vip', 'lapsed'] } },
        { field: 'customFields.balance', op: 'gte', value: 150050 },
        { field: 'ownerId', op: 'isNull', value: true },
        {
          or: [
            { field: 'birthday', op: 'moreThanDaysAgo', days: 30 },
            { activity: { types: ['call'] }, has: true },
          ],
        },
        { not: { or: [{ field: 'tags', op: 'eq', value: 'x' }] } },
      ],
    };
    const draft = draftOf(filter, codec);
    const balance = draft.children[2]!;
    expect(balance).toMatchObject({ kind: 'condition', op: 'gte', values: ['1500.5'] });
    expect((draft.children[4] as GroupDraft).children[1]).toMatchObject({
      kind: 'activity',
      has: true,
      types: ['call'],
      ever: true,
    });
    expect(draft.children[5]).toMatchObject({ kind: 'kept' });
    expect(filterOf(draft, codec).filter).toEqual(filter);
  });

  it('shows `eq` / `neq` on a list field (a stage, a user) as `in` / `notIn` of that value, not its key as text', () => {
    const filter: FilterTree = {
      and: [
        { field: 'ownerId', op: 'eq', value: 'usr_1' },
        { field: 'tags', op: 'neq', value: 'lapsed' },
      ],
    };
    const draft = draftOf(filter, codec);
    expect(draft.children[0]).toMatchObject({ kind: 'condition', op: 'in', values: ['usr_1'] });
    expect(draft.children[1]).toMatchObject({ kind: 'condition', op: 'notIn', values: ['lapsed'] });
    expect(filterOf(draft, codec).filter).toEqual({
      and: [{ field: 'ownerId', op: 'in', value: ['usr_1'] }, { not: { field: 'tags', op: 'in', value: ['lapsed'] } }],
    });
  });

  it('leaves incomplete rows and empty groups out, and finds the row of a server error path', () => {
    let draft = draftOf(null, codec);
    draft = edits.add(draft, draft.id, 'condition').root;
    draft = edits.add(draft, draft.id, 'group').root;
    const [empty, group] = draft.children as unknown as [{ id: string }, { id: string; children: { id: string }[] }];
    const inner = group.children[0]!;
    draft = edits.replace(draft, {
      kind: 'condition',
      id: inner.id,
      field: 'tags',
      op: 'in',
      values: ['vip'],
      days: '',
    }).root;
    const built = filterOf(draft, codec);
    expect(built.filter).toEqual({ and: [{ or: [{ field: 'tags', op: 'in', value: ['vip'] }] }] });
    expect(built.incomplete).toEqual([empty.id]);
    expect(rowOfPath(built.paths, 'filter.and.0.or.0.value')).toBe(inner.id);
    expect(rowOfPath(built.paths, 'name')).toBeUndefined();
  });

  it('rejects values that are not the field’s (a bad date, a day count that is not a whole number)', () => {
    let draft = draftOf(null, codec);
    draft = edits.add(draft, draft.id, 'condition').root;
    const id = draft.children[0]!.id;
    const set = (change: object) =>
      filterOf(
        edits.replace(draft, { kind: 'condition', id, field: 'birthday', op: 'eq', values: [], days: '', ...change })
          .root,
        codec,
      );
    expect(set({ values: ['2030-13'] }).filter).toBeNull();
    expect(set({ op: 'inLastDays', days: '2.5' }).filter).toBeNull();
    expect(set({ op: 'inLastDays', days: '0' }).filter).toEqual({
      and: [{ field: 'birthday', op: 'inLastDays', days: 0 }],
    });
  });

  it('edits activity facts: types, direction and window; the `not` of one is the opposite fact', () => {
    const noVisit: FilterTree = { activity: { types: ['meeting'], inLastDays: 21 }, has: false };
    const inboundCalls: FilterTree = {
      activity: { types: ['call', 'sms'], direction: 'inbound', inLastDays: 0 },
      has: true,
    };
    const draft = draftOf({ or: [noVisit, inboundCalls] }, codec);
    expect(draft.children[0]).toMatchObject({
      kind: 'activity',
      has: false,
      types: ['meeting'],
      ever: false,
      days: '21',
    });
    expect(filterOf(draft, codec).filter).toEqual({ or: [noVisit, inboundCalls] });
    expect(filterOf(draftOf({ not: { activity: {}, has: true } }, codec), codec).filter).toEqual({
      and: [{ activity: {}, has: false }],
    });

    // A new fact is "any activity, ever"; a window needs a whole number of days.
    const id = draft.children[1]!.id;
    const set = (change: object) => filterOf(edits.replace(draft, { ...newActivity(id), ...change }).root, codec);
    expect(set({}).filter).toEqual({ or: [noVisit, { activity: {}, has: true }] });
    expect(set({ ever: false, days: '' }).incomplete).toEqual([id]);
    expect(set({ ever: false, days: '-1' }).incomplete).toEqual([id]);
    expect(set({ ever: false, days: '90', types: ['call'] }).filter).toEqual({
      or: [noVisit, { activity: { types: ['call'], inLastDays: 90 }, has: true }],
    });
  });
});
