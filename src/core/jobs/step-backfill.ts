import { AppError } from '../errors.js';
import type { JobQueue } from '../ports/job-queue.js';
import { STEPS, type PipelineStep } from './pipeline.js';
import type { StepProgress, StepRecords } from './step-records.js';

/** Assets queued per round: one page of ids, one write marking them queued. */
const PAGE = 500;

export interface StepSwitches {
  /** Whether the step is switched on in this installation. */
  isOn(step: string): boolean;
  /** The version its handler runs. */
  versionOf(step: string): string | undefined;
}

export interface StepStatus extends StepProgress {
  step: string;
  version: string;
}

/**
 * Queues a recorded step for the assets that lack it at the current version, and tells how far
 * each step has come ("faces: 12,345 of 80,000"). See: [Note: Backfilling a step].
 */
export class StepBackfill {
  constructor(
    private readonly records: StepRecords,
    private readonly queue: JobQueue,
    private readonly switches: StepSwitches,
  ) {}

  /** The recorded steps that are on. */
  steps(): PipelineStep[] {
    return STEPS.filter((step) => step.recorded && this.switches.isOn(step.name));
  }

  /** Queues `step` for every asset lacking it; answers how many were queued. */
  async backfill(stepName: string): Promise<number> {
    const step = this.recordedStep(stepName);
    const version = this.switches.versionOf(step.name)!;
    let queued = 0;
    for (let after: string | undefined; ;) {
      const ids = await this.records.lacking(step.name, version, { after, limit: PAGE });
      if (ids.length === 0) return queued;
      await this.records.markQueued(ids, step.name, version);
      for (const assetId of ids)
        await this.queue.enqueue({
          name: step.name,
          queue: step.queue,
          payload: { assetId, onlyThisStep: true },
          // BullMQ job ids may not hold a colon.
          key: `${step.name}.${version.replaceAll(':', '_')}.${assetId}`,
        });
      queued += ids.length;
      after = ids.at(-1);
    }
  }

  /** Every step that is on, for the assets that lack it (at a worker's start). */
  async backfillAll(): Promise<Record<string, number>> {
    const queued: Record<string, number> = {};
    for (const step of this.steps()) queued[step.name] = await this.backfill(step.name);
    return queued;
  }

  async status(): Promise<StepStatus[]> {
    return Promise.all(
      this.steps().map(async (step) => {
        const version = this.switches.versionOf(step.name)!;
        return { step: step.name, version, ...(await this.records.progress(step.name, version)) };
      }),
    );
  }

  /**
   * Queues the named steps alone for one asset (nothing after them): "find the faces in this
   * photo again" re-runs faces and nothing else. Each must be switched on.
   */
  async rerun(assetId: string, stepNames: readonly string[]): Promise<void> {
    const steps = [...new Set(stepNames)].map((name) => this.stepThatIsOn(name));
    for (const step of steps) {
      const version = this.switches.versionOf(step.name);
      if (step.recorded && version !== undefined)
        await this.records.markQueued([assetId], step.name, version);
      await this.queue.enqueue({
        name: step.name,
        queue: step.queue,
        payload: { assetId, onlyThisStep: true },
      });
    }
  }

  /** How a recorded step stands for one asset (done, failed with its reason, or queued). */
  stateOf(assetId: string, step: string) {
    return this.records.stateOf(assetId, step);
  }

  private recordedStep(name: string): PipelineStep {
    const step = STEPS.find((s) => s.name === name && s.recorded);
    if (!step) throw new AppError('STEP_NOT_FOUND', `No step named ${name} can be backfilled.`);
    return this.stepThatIsOn(step.name);
  }

  private stepThatIsOn(name: string): PipelineStep {
    const step = STEPS.find((s) => s.name === name);
    if (!step) throw new AppError('STEP_NOT_FOUND', `No step is named ${name}.`);
    if (step.optional && !this.switches.isOn(step.name))
      throw new AppError('STEP_SWITCHED_OFF', `The ${name} step is switched off.`);
    return step;
  }
}
