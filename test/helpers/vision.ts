import type { StepState } from '../../src/core/jobs/step-records.js';
import type { TestApp } from './test-app.js';

/** Where the vision fixtures lie (test/fixtures/vision; see its MANIFEST.tsv). */
export const visionFixture = (path: string): string =>
  new URL(`../fixtures/vision/${path}`, import.meta.url).pathname;

/**
 * Waits until a recorded step (faces, objects, ocr, ...) has finished for the asset at the
 * version it runs now; answers how it ended. Vision is off in test servers unless switched on
 * (KEEPSAKE_VISION=true, or one step: KEEPSAKE_VISION_FACES=true).
 */
export async function waitForStep(
  t: TestApp,
  assetId: string,
  step: string,
  timeoutMs = 120_000,
): Promise<{ state: StepState; reason: string | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await t.keepsake.steps.stateOf(assetId, step);
    if (state && state.state !== 'queued') return { state: state.state, reason: state.reason };
    if (Date.now() > deadline)
      throw new Error(`step ${step} of asset ${assetId} not finished after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
