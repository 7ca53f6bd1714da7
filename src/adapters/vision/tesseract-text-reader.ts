import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PoolTaskError, taskModuleUrl, type WorkerPool } from '../runtime/worker-pool.js';
import {
  ModelUnavailableError,
  type ReadText,
  type ReadWord,
  type TextReader,
} from '../../core/vision/vision-ports.js';
import type { TaskWord, TextTaskInput, TextTaskOutput } from './tesseract-text-task.js';

const require = createRequire(import.meta.url);
const TESSERACT_JS_VERSION = (require('tesseract.js/package.json') as { version: string }).version;
// The task module's own constant is not imported: that would load tesseract.js on this side.
const ENG_DATA_VARIANT = '4.0.0_best_int';
const TASK = taskModuleUrl(import.meta.url, 'tesseract-text-task');

/*
 * [Note: Words worth keeping]
 * With automatic page segmentation ([Note: Tesseract on the pool]) Tesseract reads almost nothing
 * in photos without text: 3 "words" on 68 faces and objects photos, with confidences of 0-17
 * ("-", ":", "rt."). On documents every dropped word costs: a misread word still shares most of
 * its letters with the truth (and is found by a search for its other half), a dropped one shares
 * none. Over the OCR corpus a floor of 50 raised the character error rate from 16.9 % to 25.5 %,
 * a floor of 20 to 19.5 %, above the `tesseract` command's 18.4 %. So the floor is low: a word is
 * kept when Tesseract gives it at least MIN_CONFIDENCE and it holds a letter or a digit; a mark
 * alone ("|", "=") needs SYMBOL_CONFIDENCE. That gives 17.8 % and keeps 1 junk word of the 3.
 * Measured by bench/vision-ocr.ts; the version below names the numbers, so changing them runs
 * the step again.
 */
const MIN_CONFIDENCE = 10;
const SYMBOL_CONFIDENCE = 60;
const FILTER_VERSION = `w${MIN_CONFIDENCE}-${SYMBOL_CONFIDENCE}`;

export interface TesseractTextReaderOptions {
  /**
   * A folder (KEEPSAKE_MODELS_DIR) that may hold an `eng.traineddata.gz` (gzipped or not, under
   * that name) to use instead of the one in the npm package; without one there, the package's.
   */
  modelsDir?: string | null;
}

/** Reads text on the worker pool with tesseract.js. See: [Note: Tesseract on the pool]. */
export class TesseractTextReader implements TextReader {
  readonly version: string;
  private readonly langPath: string | undefined;

  constructor(
    private readonly pool: WorkerPool,
    options: TesseractTextReaderOptions = {},
  ) {
    const own = options.modelsDir ? join(options.modelsDir, 'eng.traineddata.gz') : undefined;
    const size = own && existsSync(own) ? statSync(own).size : undefined;
    this.langPath = size === undefined ? undefined : options.modelsDir!;
    // Other language data is another model: the step runs again when it changes.
    const data = size === undefined ? ENG_DATA_VARIANT : `own-${size}`;
    this.version = `tesseract.js-${TESSERACT_JS_VERSION}+eng-${data}+grey-psm3+${FILTER_VERSION}`;
  }

  async readText(image: Uint8Array): Promise<ReadText> {
    const input: TextTaskInput = { image, langPath: this.langPath };
    let output: TextTaskOutput;
    try {
      output = await this.pool.run<TextTaskOutput>(TASK, input);
    } catch (error) {
      if (error instanceof PoolTaskError && error.taskErrorName === 'ModelUnavailableError')
        throw new ModelUnavailableError(error.message);
      throw error;
    }
    return readTextOf(output);
  }
}

/** The kept words, and the text they make: a line per line, a blank line between paragraphs. */
export function readTextOf({ width, height, paragraphs }: TextTaskOutput): ReadText {
  const words: ReadWord[] = [];
  const paragraphTexts: string[] = [];
  for (const lines of paragraphs) {
    const lineTexts: string[] = [];
    for (const line of lines) {
      const kept = line.filter(isWorthKeeping).map((word) => ({
        text: word.text,
        box: boxOf(word, width, height),
        confidence: round(word.confidence / 100),
      }));
      if (kept.length === 0) continue;
      words.push(...kept);
      lineTexts.push(kept.map((word) => word.text).join(' '));
    }
    if (lineTexts.length > 0) paragraphTexts.push(lineTexts.join('\n'));
  }
  return { text: paragraphTexts.join('\n\n'), words };
}

/** See: [Note: Words worth keeping]. */
export function isWorthKeeping(word: TaskWord): boolean {
  if (word.confidence < MIN_CONFIDENCE || word.text.trim() === '') return false;
  return /[\p{L}\p{N}]/u.test(word.text) || word.confidence >= SYMBOL_CONFIDENCE;
}

function boxOf(word: TaskWord, width: number, height: number) {
  const fraction = (value: number, whole: number) =>
    whole > 0 ? round(Math.min(1, Math.max(0, value / whole))) : 0;
  const x = fraction(word.x0, width);
  const y = fraction(word.y0, height);
  return {
    x,
    y,
    width: round(Math.min(1 - x, fraction(word.x1 - word.x0, width))),
    height: round(Math.min(1 - y, fraction(word.y1 - word.y0, height))),
  };
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
