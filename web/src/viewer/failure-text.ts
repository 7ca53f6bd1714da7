/**
 * A failure reason as a sentence to show: its first line, starting with a capital and ending
 * with a full stop. The server keeps the raw tool output in its log and job record and stores a
 * readable reason on the asset; this only tidies how the viewer prints it. `fallback` when the
 * server gave none.
 */
export function reasonSentence(reason: string | null | undefined, fallback: string): string {
  const line = (reason ?? '').split('\n')[0]!.trim();
  const text = line || fallback;
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}
