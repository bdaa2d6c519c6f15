import { PreconditionFailedError, type Segment, type SegmentFilter, type SegmentResource } from '@crmkit/client';
import { ACTIVITY_LINKED_RESOURCES } from '@crmkit/core';
import { type Conflict, useCan, useCreateRecord, useUpdateRecord } from '@crmkit/react';
import { type FormEvent, lazy, type ReactNode, Suspense, useCallback, useId, useState } from 'react';
import { useAnnounce } from '../../context/announce.js';
import { useMessages } from '../../context/i18n.js';
import { Button } from '../../primitives/Button.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import { Select, TextField } from '../../primitives/Field.js';
import { FilterEditor } from '../shared/filters/FilterEditor.js';
import { useFilterDraft } from '../shared/filters/useFilterDraft.js';
import { ENTITY_OF } from '../shared/segments/resources.js';
import { useResourceLabels } from '../shared/segments/useResourceLabels.js';
import { LivePreview } from './LivePreview.js';

// A conflict is rare: its prompt loads when one happens.
const SegmentConflict = lazy(() => import('./SegmentConflict.js').then((m) => ({ default: m.SegmentConflict })));

/** Props of {@link SegmentEditor}. */
interface SegmentEditorProps {
  /** The saved segment, or undefined for a new one. */
  segment: Segment | undefined;
  resources: readonly SegmentResource[];
  defaultResource: SegmentResource;
  sampleSize: number;
  title: ReactNode;
  headingLevel: HeadingLevel;
  onSaved?: (segment: Segment) => void;
  onOpenRecord?: (record: { resource: SegmentResource; id: string }) => void;
}

/**
 * The builder's form: name, resource, the conditions, the live count, and saving (create, then update; an update of a
 * segment someone else changed meanwhile opens the keep mine / take theirs prompt).
 */
export function SegmentEditor(props: SegmentEditorProps) {
  const { t, locale } = useMessages();
  const id = useId();
  const announce = useAnnounce();
  const H = `h${props.headingLevel}` as const;
  const [saved, setSaved] = useState(props.segment);
  const [name, setName] = useState(saved?.name ?? '');
  const [resource, setResource] = useState<SegmentResource>(saved?.resource ?? props.defaultResource);
  const filter = useFilterDraft(ENTITY_OF[resource], saved?.filter);
  const labels = useResourceLabels();
  const [nameError, setNameError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const canWrite = useCan(saved ? 'update' : 'create', 'segments');
  const create = useCreateRecord('segments');
  const update = useUpdateRecord('segments');
  const saving = create.isPending || update.isPending;

  const { report } = filter;
  const onPreviewError = useCallback(
    (error: unknown, previewed: SegmentFilter) => {
      if (previewed === filter.built.filter) report(error);
    },
    [filter.built.filter, report],
  );

  /** Shows the stored segment in the form (theirs, after a conflict). */
  const load = (stored: Segment) => {
    setSaved(stored);
    setName(stored.name);
    setResource(stored.resource);
    filter.reset(stored.filter);
    setNameError(undefined);
    setFormError(undefined);
  };
  const done = {
    onSuccess: (segment: Segment) => {
      setSaved(segment);
      announce(t('segments.saved'));
      props.onSaved?.(segment);
    },
    onError: (error: unknown) => {
      // Someone else saved it meanwhile: the prompt asks what to keep.
      if (error instanceof PreconditionFailedError && error.current) return;
      const rest = report(error);
      setFormError([t('segments.notSaved'), ...rest].join(' '));
    },
  };
  const stale = update.conflict;
  const conflict: Conflict<Segment> | null = stale && {
    ...stale,
    keepMine: () => update.mutate({ id: stale.theirs.id, patch: stale.mine, ifVersion: stale.theirs.version }, done),
    takeTheirs: () => {
      stale.takeTheirs();
      load(stale.theirs);
    },
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const trimmed = name.trim();
    setNameError(trimmed ? undefined : t('segments.nameRequired'));
    const incomplete = filter.showIncomplete();
    if (!trimmed || incomplete) return;
    if (!filter.built.filter) {
      setFormError(t('segments.needsCondition'));
      return;
    }
    const body = { name: trimmed, resource, filter: filter.built.filter };
    if (saved) update.mutate({ id: saved.id, patch: body, ifVersion: saved.version }, done);
    else create.mutate(body, done);
  };

  const entities = labels[resource].toLocaleLowerCase(locale);
  return (
    <>
      <form className="crm-sb-form" aria-labelledby={`${id}-title`} onSubmit={save} noValidate>
        <H id={`${id}-title`} className="crm-sb-title">
          {props.title ?? (saved?.name || t('segments.newTitle'))}
        </H>
        {!canWrite && <p className="crm-sb-note">{t('segments.readOnly')}</p>}
        <div className="crm-sb-layout">
          <div className="crm-sb-main">
            {canWrite && (
              <div className="crm-sb-fields">
                <TextField
                  label={t('segments.name')}
                  required
                  maxLength={200}
                  value={name}
                  error={nameError}
                  onChange={(e) => setName(e.target.value)}
                />
                <Select
                  label={t('segments.resource')}
                  options={props.resources.map((r) => ({ value: r, label: labels[r] }))}
                  value={resource}
                  onChange={(e) => {
                    setResource(e.target.value as SegmentResource);
                    filter.reset(null);
                  }}
                />
              </div>
            )}
            {filter.draft && (
              <FilterEditor
                entity={ENTITY_OF[resource]}
                label={t('segments.conditions')}
                value={filter.draft}
                onChange={filter.setDraft}
                errors={filter.errors}
                readOnly={!canWrite}
                activityFacts={ACTIVITY_LINKED_RESOURCES.includes(resource)}
              />
            )}
          </div>
          <LivePreview
            resource={resource}
            filter={filter.built.filter}
            entities={entities}
            sample={props.sampleSize}
            onError={onPreviewError}
            onOpenRecord={props.onOpenRecord}
          />
        </div>
        {formError && (
          <p role="alert" className="crm-sb-error">
            {formError}
          </p>
        )}
        {canWrite && (
          <div className="crm-sb-actions">
            <Button type="submit" variant="primary" loading={saving}>
              {t('segments.save')}
            </Button>
          </div>
        )}
      </form>
      {conflict && (
        <Suspense fallback={null}>
          <SegmentConflict conflict={conflict} />
        </Suspense>
      )}
    </>
  );
}
