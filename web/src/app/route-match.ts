/**
 * Matches a path against a pattern with `:name` parameters ("/albums/:id"), answering the
 * parameters (decoded), or undefined when it does not match. Exact: no prefixes, no wildcards.
 */
export function matchRoute(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const have = pathname.split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = have[i]!;
    if (part.startsWith(':')) {
      if (!actual) return undefined;
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (part !== actual) return undefined;
  }
  return params;
}
