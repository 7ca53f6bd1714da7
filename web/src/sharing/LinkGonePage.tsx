/** The link is expired, revoked or was never there: the server answers all three alike. */
export function LinkGonePage() {
  return (
    <main className="public-message">
      <h1>This link no longer works</h1>
      <p>It may have expired or been revoked by the person who shared it, or it was mistyped.</p>
    </main>
  );
}
