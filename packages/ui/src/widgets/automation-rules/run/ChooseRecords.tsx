import type { Schemas, SegmentResource } from '@crmkit/client';
import { useCapabilities, useList, useSegmentMembers } from '@crmkit/react';
import { useId, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { Checkbox, Select, TextField } from '../../../primitives/Field.js';
import { Skeleton } from '../../../primitives/Skeleton.js';
import { StateView } from '../../../primitives/StateView.js';
import { useDebouncedSearch } from '../../shared/lists/useDebouncedSearch.js';
import { SEGMENT_RESOURCES } from '../../shared/segments/resources.js';
import { recordName } from '../records/record-name.js';

type Rule = Schemas['AutomationRule'];

/** The records chosen so far: id → name, in the order they were chosen. */
export type Chosen = ReadonlyMap<string, string>;

/** Props of {@link ChooseRecords}. */
export interface ChooseRecordsProps {
  rule: Rule;
  chosen: Chosen;
  /** Adds records (as many as `max` allows) or, with `remove`, takes one out. */
  onAdd: (records: { id: string; name: string }[]) => void;
  onRemove: (id: string) => void;
  /** The most that can be chosen (the server's limit of one manual run). */
  max: number;
  /** The rule's records, in the workspace's words ("member" / "members"). */
  noun: string;
  nouns: string;
}

/**
 * Where the records of a manual run come from: a search by name (each found record a checkbox), or the members of one
 * of the workspace's saved segments of the rule's kind (added at once, up to `max`).
 */
export function ChooseRecords(props: ChooseRecordsProps) {
  const t = useT();
  const id = useId();
  const capabilities = useCapabilities();
  const segments =
    capabilities?.segments === true && (SEGMENT_RESOURCES as readonly string[]).includes(props.rule.resource);
  const [source, setSource] = useState<'search' | 'segment'>('search');
  return (
    <div className="crm-ar-choose">
      {segments && (
        <fieldset className="crm-ar-sources">
          <legend>{t('ruleRun.source')}</legend>
          {(['search', 'segment'] as const).map((s) => (
            <label key={s} className="crm-ar-source">
              <input
                type="radio"
                name={`${id}-source`}
                value={s}
                checked={source === s}
                onChange={() => setSource(s)}
              />
              {t(`ruleRun.source.${s}`)}
            </label>
          ))}
        </fieldset>
      )}
      {source === 'search' ? <Search {...props} /> : <FromSegment {...props} />}
    </div>
  );
}

function Search({ rule, chosen, onAdd, onRemove, max, noun }: ChooseRecordsProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useDebouncedSearch(search, setSearch);
  const q = search.trim();
  const found = useList(rule.resource, { q, limit: 10 }, { enabled: q.length > 0 });
  return (
    <>
      <TextField
        label={t('ruleRun.find', { noun: noun.toLocaleLowerCase() })}
        type="search"
        maxLength={200}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {q &&
        (found.error ? (
          <StateView error={found.error} compact onRetry={() => void found.refetch()} />
        ) : found.isPending ? (
          <Skeleton lines={1} />
        ) : found.items.length === 0 ? (
          <p className="crm-ar-muted">{t('ruleRun.noMatch')}</p>
        ) : (
          <ul className="crm-ar-found" aria-label={t('ruleRun.found')}>
            {found.items.map((r) => {
              const name = recordName(rule.resource, r) || r.id;
              const on = chosen.has(r.id);
              return (
                <li key={r.id}>
                  <Checkbox
                    label={name}
                    checked={on}
                    disabled={!on && chosen.size >= max}
                    onChange={() => (on ? onRemove(r.id) : onAdd([{ id: r.id, name }]))}
                  />
                </li>
              );
            })}
          </ul>
        ))}
    </>
  );
}

function FromSegment({ rule, chosen, onAdd, max, nouns }: ChooseRecordsProps) {
  const t = useT();
  const resource = rule.resource as SegmentResource;
  const list = useList('segments', { sort: 'name', limit: 100 });
  const options = list.items.filter((s) => s.resource === resource);
  const [segmentId, setSegmentId] = useState('');
  const segment = options.find((s) => s.id === segmentId);
  const members = useSegmentMembers(segment, { limit: max });
  const [capped, setCapped] = useState(false);
  if (list.error) return <StateView error={list.error} compact onRetry={() => void list.refetch()} />;
  if (list.isPending) return <Skeleton lines={1} />;
  if (!options.length)
    return <p className="crm-ar-muted">{t('ruleRun.noSegments', { nouns: nouns.toLocaleLowerCase() })}</p>;
  const total = members.count?.value ?? members.items.length;
  const add = () => {
    const room = max - chosen.size;
    const fresh = members.items.filter((m) => !chosen.has(m.id));
    setCapped(fresh.length > room || total > members.items.length);
    onAdd(fresh.slice(0, room).map((m) => ({ id: m.id, name: recordName(resource, m) || m.id })));
  };
  return (
    <>
      <Select
        label={t('ruleRun.segment')}
        placeholder=""
        options={options.map((s) => ({ value: s.id, label: s.name }))}
        value={segmentId}
        onChange={(e) => {
          setSegmentId(e.target.value);
          setCapped(false);
        }}
      />
      {segment &&
        (members.error ? (
          <StateView error={members.error} compact onRetry={() => void members.refetch()} />
        ) : members.isPending ? (
          <Skeleton lines={1} />
        ) : (
          <Button size="sm" disabled={total === 0} onClick={add}>
            {t('ruleRun.addMembers', { count: total })}
          </Button>
        ))}
      {capped && <p className="crm-ar-muted">{t('ruleRun.capped', { max })}</p>}
    </>
  );
}
