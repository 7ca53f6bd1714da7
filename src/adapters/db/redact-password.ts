/** A connection URL fit for a log line or an error message. */
export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a URL: a SQLite file's path, which holds no password.
    return url;
  }
}
