import type { Asset } from '../assets/asset.js';
import type { StepRecords } from '../jobs/step-records.js';
import type { ReadText } from '../vision/vision-ports.js';
import type { AssetText, TextRepository, TextStatus } from './texts.js';

/** The text read in photos. See: [Note: Text in photos]. */
export class TextService {
  constructor(
    private readonly texts: TextRepository,
    private readonly steps: Pick<StepRecords, 'stateOf'>,
    /** The asset if the user may read it; throws ASSET_NOT_FOUND otherwise. */
    private readonly readableOrFail: (userId: string, assetId: string) => Promise<Asset>,
    /** Whether the ocr step runs here (KEEPSAKE_VISION_OCR). */
    private readonly enabled: boolean,
  ) {}

  /** What the ocr step read in the asset (it replaces an earlier run's). */
  record(assetId: string, read: ReadText): Promise<void> {
    return this.texts.saveText(assetId, read);
  }

  /** The asset's text for someone who may read the asset, and how far the step has come. */
  async ofAsset(userId: string, assetId: string): Promise<AssetText> {
    const asset = await this.readableOrFail(userId, assetId);
    const [stored, step] = await Promise.all([
      this.texts.textOf(assetId),
      this.steps.stateOf(assetId, 'ocr'),
    ]);
    const status = this.statusOf(asset, stored, step?.state);
    return { ...(stored ?? { text: '', words: [] }), status };
  }

  private statusOf(
    asset: Asset,
    stored: ReadText | undefined,
    state: string | undefined,
  ): TextStatus {
    if (state === 'failed') return 'failed';
    // A run again (a new model version) is pending while the last run's text is still shown.
    if (state === 'queued') return 'pending';
    if (stored) return 'done';
    if (!this.enabled) return 'off';
    // A photo that got no preview (its processing failed) will never be read.
    return asset.status === 'failed' && !asset.renditions ? 'failed' : 'pending';
  }
}
