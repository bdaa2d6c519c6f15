import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { Link } from '../router.js';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <PageHeader title="Page not found" subtitle="The page you asked for does not exist or has moved." />
      <Link to="/" className="btn btn-primary">
        Back to the dashboard
      </Link>
    </>
  );
}
