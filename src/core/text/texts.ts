import type { ReadText } from '../vision/vision-ports.js';

/*
 * [Note: Text in photos]
 * The ocr step reads the text in a photo's preview (screenshots, documents, signs, receipts) and
 * stores it per asset: `text` for reading and for the search to index, and the words with their
 * boxes (fractions of the upright picture) and confidences for showing where each one sits. A run
 * replaces what an earlier run stored; a photo without text stores an empty text, so "read,
 * nothing there" differs from "not read yet".
 * Whoever may see the photo may see its text: the text is in the picture, for anyone looking
 * at it to read, so a partner or an album member gets it through the same read grants as the
 * photo itself ([Note: Reading someone else's asset]). People and tags stay the owner's, since
 * they say what the owner has named or what a model guessed, not what the photo shows.
 */

/** How far the ocr step has come for one asset. */
export type TextStatus = 'pending' | 'done' | 'failed' | 'off';

export interface AssetText extends ReadText {
  status: TextStatus;
}

export interface TextRepository {
  /** The asset's text becomes this one (the words included). */
  saveText(assetId: string, read: ReadText): Promise<void>;
  /** What the last run read, if one stored anything. */
  textOf(assetId: string): Promise<ReadText | undefined>;
}
