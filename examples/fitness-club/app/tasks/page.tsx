import type { Metadata } from 'next';
import { ClubTasks } from '../../components/ClubTasks';
import { PageIntro } from '../../components/PageIntro';
import { dictionary } from '../../lib/i18n';
import { requestLocale } from '../../lib/locale';

export const metadata: Metadata = { title: 'Tasks' };

/**
 * The front desk's tasks — a server component around crmkit's TasksList: the calls and reminders the club's touch plan
 * creates (first-visit checks, renewal calls, win-backs) and the desk's own, straight from the CRM.
 */
export default async function TasksPage() {
  const t = dictionary(await requestLocale());
  return (
    <>
      <PageIntro title={t.tasks} lead={t.tasksLead} />
      <div className="mt-8 max-w-3xl">
        <ClubTasks />
      </div>
    </>
  );
}
