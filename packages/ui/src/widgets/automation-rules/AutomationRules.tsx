import type { Schemas } from '@crmkit/client';
import { useAutomationRules, useCan, useCapabilities, useToggleRule } from '@crmkit/react';
import { type CSSProperties, lazy, type ReactNode, Suspense, useId, useRef, useState } from 'react';
import { useAnnounce } from '../../context/announce.js';
import { useT } from '../../context/i18n.js';
import { cx } from '../../context/parts.js';
import { MessagesScope } from '../../context/scope.js';
import { rulesMessages } from '../../i18n/messages/automation-rules/index.js';
import { Button } from '../../primitives/Button.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import { CrmRoot } from '../../primitives/CrmRoot.js';
import * as icons from '../../primitives/icons.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { ListHeader, type ListHeaderProps } from '../shared/lists/ListHeader.js';
import { LoadMore } from '../shared/lists/LoadMore.js';
import { useRowFocus } from '../shared/lists/useRowFocus.js';
import { RuleRow } from './RuleRow.js';
import type { OpenRunRecord } from './RunLog.js';
import { summarizeRule } from './summary/summary.js';
import { useSummaryContext } from './summary/useSummaryContext.js';
import { toggleErrorText } from './toggle-error.js';

type Rule = Schemas['AutomationRule'];

/** The rule editor, loaded with its strings when first opened. */
const RuleEditor = lazy(() => import('./editor/RuleEditor.js'));

/** Props of {@link AutomationRules}. */
export interface AutomationRulesProps {
  /**
   * Opens a record a rule ran on, from the run log (the host routes to it). Without it, the records are not links.
   */
  onOpenRecord?: OpenRunRecord;
  /** The heading (default the catalog's "Automation rules"). */
  title?: ReactNode;
  /** Level of the heading in the host's outline (default 2). */
  headingLevel?: HeadingLevel;
  /** Rules per page, and runs per page of a run log; "Load more" fetches the next (default 30). */
  pageSize?: number;
  /** Class names for the widget's root element (also settable for every widget with `appearance.elements`). */
  className?: string;
  /** Inline styles for the widget's root element. */
  style?: CSSProperties;
}

/**
 * The workspace's automation rules: each with its name, an on / off switch, the rule in one sentence of the user's
 * language ("When a contact's lifecycle stage changes, if lifecycle stage is Active → send an email, then send an
 * SMS", from its trigger, conditions and steps, with the workspace's field labels), when it last ran and how, its run
 * and failure counts, a preview of who it would enrol in the next 30 days (the server's dry run, nothing written), and
 * its run log — runs by outcome, each opening to what its steps did. Switching a rule shows
 * at once and goes back, saying why, if the server refuses; runs that end arrive live through the provider's change
 * feed. Viewers see the rules read-only. On a server without automation (`capabilities.automation`) it says so.
 *
 * Keyboard: Tab reaches each rule's switch (Space toggles it), its Preview and Run log buttons (Enter opens them); in
 * the list Arrow Up / Arrow Down, Home and End move between rules.
 *
 * @example
 * <AutomationRules onOpenRecord={({ resource, id }) => router.push(`/crm/${resource}/${id}`)} />
 */
export function AutomationRules(props: AutomationRulesProps) {
  return (
    <MessagesScope part={rulesMessages}>
      <Rules {...props} />
    </MessagesScope>
  );
}

function Rules({ onOpenRecord, title, headingLevel = 2, pageSize = 30, className, style }: AutomationRulesProps) {
  const t = useT();
  const id = useId();
  const capabilities = useCapabilities();
  const header = { id: `${id}-title`, level: headingLevel, title: title ?? t('rules.title') };
  return (
    <CrmRoot part="automationRules" className={cx('crm-list-widget', className)} style={style}>
      <section aria-labelledby={header.id} className="crm-list-section">
        {capabilities && capabilities.automation !== true ? (
          <>
            <ListHeader {...header} refreshing={false} />
            <StateView state="empty" title={t('rules.unavailable')} description={t('rules.unavailableDescription')} />
          </>
        ) : (
          <RuleList header={header} pageSize={pageSize} onOpenRecord={onOpenRecord} />
        )}
      </section>
    </CrmRoot>
  );
}

function RuleList({
  header,
  pageSize,
  onOpenRecord,
}: {
  header: Omit<ListHeaderProps, 'refreshing'>;
  pageSize: number;
  onOpenRecord: OpenRunRecord | undefined;
}) {
  const t = useT();
  const announce = useAnnounce();
  const rules = useAutomationRules({ limit: pageSize });
  const { items, isPending, isFetching, isFetchingNextPage, error, refetch } = rules;
  const canWrite = useCan('update', 'automation-rules');
  const canCreate = useCan('create', 'automation-rules');
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const closeEditor = (result?: Rule | null) => {
    setEditing(null);
    // A deleted rule's Edit button is gone: focus goes to "New rule".
    if (result === null) requestAnimationFrame(() => newButton.current?.focus());
  };
  const toggle = useToggleRule();
  const ctx = useSummaryContext();
  const rows = useRowFocus(items.length);
  const onToggle = (rule: Rule, enabled: boolean) =>
    toggle.mutate(
      { id: rule.id, enabled },
      { onSuccess: () => announce(t(enabled ? 'rules.turnedOn' : 'rules.turnedOff', { name: rule.name })) },
    );

  let body: ReactNode;
  if (error && !items.length) body = <StateView error={error} onRetry={() => void refetch()} />;
  else if (isPending) {
    body = (
      <div className="crm-ar-loading" role="status" aria-label={t('state.loading')}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} lines={3} />
        ))}
      </div>
    );
  } else if (!items.length) body = <StateView state="empty" title={t('rules.empty')} />;
  else {
    body = (
      <ul className="crm-ar-rules" aria-labelledby={header.id} {...rows.listProps}>
        {items.map((rule) => (
          <RuleRow
            key={rule.id}
            rule={rule}
            summary={summarizeRule(rule, ctx)}
            canWrite={canWrite}
            onToggle={onToggle}
            onEdit={setEditing}
            pageSize={pageSize}
            onOpenRecord={onOpenRecord}
          />
        ))}
      </ul>
    );
  }
  return (
    <>
      <ListHeader {...header} refreshing={isFetching && !isPending && !isFetchingNextPage} />
      {canCreate && (
        <div className="crm-ar-actions">
          <Button ref={newButton} size="sm" variant="primary" icon={icons.plus} onClick={() => setEditing('new')}>
            {t('rules.newRule')}
          </Button>
        </div>
      )}
      {editing && (
        <Suspense fallback={null}>
          <RuleEditor rule={editing === 'new' ? undefined : editing} onClose={closeEditor} />
        </Suspense>
      )}
      {toggle.error && (
        <p role="alert" className="crm-ar-error">
          {toggleErrorText(toggle.error, t)}
        </p>
      )}
      {body}
      <LoadMore list={rules} shown={items.length} />
    </>
  );
}
