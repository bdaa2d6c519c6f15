import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { usePortalT } from '../i18n/preferences.js';
import { Link } from '../router.js';

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
