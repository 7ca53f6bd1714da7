/** Problems worth listing; past the first thousand only the count grows, so memory stays small. */
const MAX_LISTED = 1000;

export class Problems {
  readonly listed: string[] = [];
  count = 0;

  add(problem: string): void {
    this.count++;
    if (this.listed.length < MAX_LISTED) this.listed.push(problem);
  }
}
