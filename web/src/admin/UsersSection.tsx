import { useCallback, useEffect, useState } from 'react';
import { api, ok, type User } from '../api/client';
import { AddUserForm } from './AddUserForm';

/** Everyone who can sign in, and a form to add someone. */
export function UsersSection() {
  const [users, setUsers] = useState<User[]>();
  const [error, setError] = useState<string>();
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

  return (
    <section className="admin-section" aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
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
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.name}</th>
                  <td>{user.email}</td>
                  <td>{user.isAdmin ? <span className="badge">Admin</span> : 'Member'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddUserForm onAdded={load} />
    </section>
  );
}
