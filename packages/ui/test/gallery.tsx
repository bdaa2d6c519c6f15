/** A gallery of every primitive, in the provider's locale and theme: for axe checks and screenshots. */
import { useState } from 'react';
import { MessagesScope } from '../src/context/scope.js';
import { timelineMessages } from '../src/i18n/messages/activity-timeline/index.js';
import { cardMessages } from '../src/i18n/messages/cards/index.js';
import { tableMessages } from '../src/i18n/messages/contacts-table/index.js';
import { editingMessages } from '../src/i18n/messages/editing/index.js';
import {
  Avatar,
  Badge,
  Button,
  Card,
  Checkbox,
  CrmRoot,
  Icon,
  IconButton,
  Menu,
  MenuItem,
  MenuSeparator,
  Section,
  Select,
  Skeleton,
  Spinner,
  StateView,
  TextField,
  useT,
} from '../src/index.js';
import * as icons from '../src/primitives/icons.js';

/** Every primitive, worded with the strings of every widget (each widget's part in scope). */
export function Gallery(props: { menuOpen?: boolean }) {
  return (
    <MessagesScope part={[cardMessages, tableMessages, timelineMessages, editingMessages]}>
      <Primitives {...props} />
    </MessagesScope>
  );
}

function Primitives({ menuOpen = false }: { menuOpen?: boolean }) {
  const t = useT();
  const [stage, setStage] = useState('loyal');
  const stages = (['potential', 'active', 'loyal', 'lost'] as const).map((s) => ({
    value: s,
    label: t(`lifecycle.${s}`),
  }));
  return (
    <CrmRoot style={{ padding: 24, background: 'var(--crm-color-background-muted)', width: 980 }}>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 20, alignItems: 'start' }}>
        <Card
          title={t('field.name')}
          header={<Avatar name="Nguyễn Thị Mai Anh" size="lg" />}
          actions={
            <>
              <IconButton icon={icons.pencil} aria-label={t('action.edit')} />
              <Menu
                defaultOpen={menuOpen}
                trigger={<IconButton icon={icons.more} aria-label={t('action.more')} />}
                placement="bottom-end"
              >
                <MenuItem icon={icons.phone}>{t('action.call')}</MenuItem>
                <MenuItem icon={icons.mail}>{t('action.sendEmail')}</MenuItem>
                <MenuItem icon={icons.sms}>{t('action.sendSms')}</MenuItem>
                <MenuSeparator />
                <MenuItem checked>{t('field.tags')}</MenuItem>
                <MenuItem icon={icons.trash} tone="danger">
                  {t('action.delete')}
                </MenuItem>
              </Menu>
            </>
          }
          footer={
            <>
              <Button>{t('action.cancel')}</Button>
              <Button variant="primary" icon={icons.check}>
                {t('action.save')}
              </Button>
            </>
          }
        >
          <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            <Section title={t('field.lifecycleStage')}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
                <Badge tone="primary" dot>
                  {t('lifecycle.potential')}
                </Badge>
                <Badge tone="success" dot>
                  {t('lifecycle.active')}
                </Badge>
                <Badge tone="warning" icon={icons.cake}>
                  {t('birthday.inDays', { count: 3 })}
                </Badge>
                <Badge tone="danger">{t('timeline.overdue')}</Badge>
                <Badge icon={icons.tag}>VIP</Badge>
              </div>
            </Section>
            <Section title={t('consent.title')}>
              <Checkbox
                label={t('consent.email')}
                description={t('consent.grantedOn', { date: '12/03/2026' })}
                defaultChecked
              />
              <Checkbox label={t('consent.sms')} />
              <Checkbox label={t('action.selectAll')} indeterminate readOnly />
            </Section>
          </div>
        </Card>

        <Card title={t('timeline.addNote')} headingLevel={2}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            <TextField
              label={t('table.search')}
              hideLabel
              icon={icons.search}
              placeholder={t('table.searchOf', { entities: t('entity.contact.plural').toLocaleLowerCase() })}
            />
            <TextField label={t('field.email')} description={t('validation.email')} defaultValue="mai.anh@example.vn" />
            <TextField label={t('field.phone')} required error={t('validation.phone')} defaultValue="090 12" />
            <Select
              label={t('field.lifecycleStage')}
              options={stages}
              value={stage}
              onChange={(e) => setStage(e.target.value)}
            />
            <TextField label={t('timeline.body')} multiline placeholder={t('timeline.notePlaceholder')} />
          </div>
        </Card>

        <Card title={t('action.more')}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 14 }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              <Button variant="primary" icon={icons.plus}>
                {t('timeline.addTask')}
              </Button>
              <Button icon={icons.phone}>{t('timeline.logCall')}</Button>
              <Button variant="ghost" iconEnd={icons.chevronDown}>
                {t('table.savedViews')}
              </Button>
              <Button variant="danger" icon={icons.trash}>
                {t('action.delete')}
              </Button>
            </div>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
              <Button size="sm" icon={icons.filter}>
                {t('table.filter')}
              </Button>
              <Button size="sm" icon={icons.columns}>
                {t('table.columns')}
              </Button>
              <Button size="sm" variant="primary" loading>
                {t('state.saving')}
              </Button>
              <Button size="sm" disabled>
                {t('action.loadMore')}
              </Button>
              <IconButton icon={icons.refresh} aria-label={t('action.retry')} variant="secondary" size="sm" />
              <Spinner />
            </div>
            <div style={{ display: 'flex', gap: 10, alignItems: 'center' }}>
              <Avatar name="Trần Văn Bình" size="sm" />
              <Avatar name="Somchai Jaidee" />
              <Avatar name="เกศินี วงศ์ใหญ่" size="lg" />
              <Avatar name="Alice Walker" size="xl" />
              <Avatar name="Lê Hoàng" label />
            </div>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10, color: 'var(--crm-color-text-muted)' }}>
              {Object.entries(icons).map(([name, icon]) => (
                <Icon key={name} icon={icon} size={18} />
              ))}
            </div>
            <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
              <Skeleton shape="circle" width={32} height={32} />
              <div style={{ flex: 1 }}>
                <Skeleton lines={2} />
              </div>
            </div>
          </div>
        </Card>

        <div style={{ display: 'flex', flexDirection: 'column', gap: 20 }}>
          <Card>
            <StateView entity="contact" action={<Button icon={icons.plus}>{t('action.add')}</Button>} />
          </Card>
          <Card>
            <StateView
              error={Object.assign(new Error('boom'), { name: 'ServerError', requestId: 'req_01J9X2K4' })}
              onRetry={() => {}}
            />
          </Card>
          <Card>
            <StateView state="forbidden" compact />
          </Card>
        </div>
      </div>
    </CrmRoot>
  );
}
