/**
 * What the viewer steps through: the page that opened it knows the order (a timeline loads its
 * months as needed, a favorites list its pages), so it answers the neighbours.
 */
export interface AssetSequence {
  /** The asset `step` places after (1) or before (-1) this one, or null at either end. */
  neighbour(id: string, step: 1 | -1): Promise<string | null>;
}
