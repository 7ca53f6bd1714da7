import { JobQueues } from './JobQueues';
import { UsersSection } from './UsersSection';
import './admin.css';

/** Administration (admins only; the API refuses everyone else): processing and users. */
export function AdminPage() {
  return (
    <div className="admin-page">
      <h1>Administration</h1>
      <JobQueues />
      <UsersSection />
    </div>
  );
}
