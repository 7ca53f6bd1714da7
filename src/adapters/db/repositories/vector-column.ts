/** Float32, little-endian, as base64 text: the same column on SQLite and PostgreSQL. */
export const vectorToColumn = (vector: Float32Array): string =>
  Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');

export function vectorFromColumn(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  // Copied: a Float32Array needs its offset aligned to 4, and Buffer's pool gives no such promise.
  const vector = new Float32Array(bytes.length / 4);
  new Uint8Array(vector.buffer).set(bytes);
  return vector;
}
