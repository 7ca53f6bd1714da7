import { useCallback, useEffect, useState } from 'react';
import { api, ok } from '../api/client';
import type { paths } from '../api/schema';
import { ConfirmDialog } from '../selection/ConfirmDialog';
import { AddUserForm } from './AddUserForm';
import { UserEditDialog } from './UserEditDialog';
import { deletionText, storageText } from './user-text';
import { ErrorMessage } from '../app/ErrorMessage';

export type AdminUser =
  paths['/api/users']['get']['responses']['200']['content']['application/json'][number];

type Action = { user: AdminUser; kind: 'edit' | 'password' | 'delete' };

const dateText = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** Everyone who can sign in: storage, quota, state; edit, new password, delete, restore; add. */
export function UsersSection() {
  const [users, setUsers] = useState<AdminUser[]>();
  const [error, setError] = useState<string>();
  const [action, setAction] = useState<Action>();
  const [graceDays, setGraceDays] = useState<number>();
  useEffect(() => {
    // The delete dialog names the server's grace period; without it, it names none.
    ok(api.GET('/api/users/deletion-policy')).then(
      (policy) => setGraceDays(policy.graceDays),
      () => {},
    );
  }, []);
  const load = useCallback(() => {
    ok(api.GET('/api/users')).then(
      (list) => {
        setUsers(list);
        setError(undefined);
      },
      (e: Error) => setError(`The users could not be loaded: ${e.message}`),
    );
  }, []);
  useEffect(load, [load]);

  const run = (call: Promise<unknown>) => {
    setAction(undefined);
    call.then(load, (e: Error) => setError(e.message));
  };
  const remove = (user: AdminUser) =>
    run(ok(api.DELETE('/api/users/{id}', { params: { path: { id: user.id } } })));
  const restore = (user: AdminUser) =>
    run(ok(api.POST('/api/users/{id}/restore', { params: { path: { id: user.id } } })));

  return (
    <section className="admin-section" aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      <ErrorMessage text={error} />
      {!users && !error && <p aria-busy="true">Loading…</p>}
      {users && (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col" className="number">
                  Storage used
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className={user.disabled ? 'user-disabled' : undefined}>
                  <th scope="row">{user.name}</th>
                  <td>{user.email}</td>
                  <td>
                    {user.isAdmin ? <span className="badge">Admin</span> : 'Member'}
                    {user.deleteAfter ? (
                      <span className="badge danger-badge">
                        Deleted on {dateText(user.deleteAfter)}
                      </span>
                    ) : (
                      user.disabled && <span className="badge">Disabled</span>
                    )}
                  </td>
                  <td className="number">
                    {storageText(user.storage.usedBytes, user.quotaBytes)}
                    <span className="muted">
                      {' · '}
                      {user.storage.assetCount === 1
                        ? '1 item'
                        : `${user.storage.assetCount} items`}
                    </span>
                  </td>
                  <td className="user-actions">
                    {user.deleteAfter ? (
                      <button type="button" onClick={() => restore(user)}>
                        Restore
                      </button>
                    ) : (
                      <>
                        <button type="button" onClick={() => setAction({ user, kind: 'edit' })}>
                          Edit
                        </button>
                        <button type="button" onClick={() => setAction({ user, kind: 'password' })}>
                          New password
                        </button>
                        <button
                          type="button"
                          className="danger"
                          onClick={() => setAction({ user, kind: 'delete' })}
                        >
                          Delete
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {action && action.kind !== 'delete' && (
        <UserEditDialog
          user={action.user}
          mode={action.kind}
          onDone={() => {
            setAction(undefined);
            load();
          }}
          onCancel={() => setAction(undefined)}
        />
      )}
      {action?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${action.user.name}?`}
          confirmLabel="Delete"
          danger
          onConfirm={() => remove(action.user)}
          onCancel={() => setAction(undefined)}
        >
          {deletionText(graceDays)}
        </ConfirmDialog>
      )}
      <AddUserForm onAdded={load} />
    </section>
  );
}
