import { Link } from '../app/router.js';
import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { usePortalT } from '../i18n/preferences.js';

export function NotFoundPage() {
  const t = usePortalT();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <PageHeader title={t('notFound.title')} subtitle={t('notFound.subtitle')} />
      <Link to="/" className="btn btn-primary">
        {t('notFound.back')}
      </Link>
    </>
  );
}
