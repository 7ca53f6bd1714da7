import type { AssetType } from '../assets/asset.js';
import type { AssetRepository } from '../assets/asset-repository.js';
import type { Job, JobOutcome, JobQueue } from '../ports/job-queue.js';
import type { AssetJobHandler } from './asset-job.js';
import { errorMessage } from '../errors.js';
import { observed, type JobObserver } from './job-observer.js';
import {
  PIPELINE,
  STEPS,
  stepOrFail,
  type PipelineStep,
  type StepName,
  type VisionStepName,
} from './pipeline.js';
import { reasonForPeople } from './failure-reasons.js';
import type { StepRecords } from './step-records.js';

/** A recorded step's handler, with the version of what it runs (its model and settings). */
export interface VersionedHandler {
  version: string;
  run: AssetJobHandler;
}

/**
 * One handler per step. An optional step without one is switched off: it is not queued, and a
 * job of it queued before is completed without work (a backfill queues it again once it is on).
 */
export type PipelineHandlers = Record<Exclude<StepName, VisionStepName>, AssetJobHandler> &
  Partial<Record<VisionStepName, VersionedHandler>>;

/*
 * [Note: Vision waits for uploads to settle]
 * A vision job (faces, objects, text...) takes a core for a second or so per photo. While photos
 * arrive, that core is better spent on their metadata and thumbnails: a vision job taken then
 * waits, in this process, until no metadata or thumbnails job has run here for QUIET_MS, and
 * only then runs (measured on 2 cores: with vision running beside them, thumbnails for 100
 * photos took 11 % longer; a 5 % slowdown is the most the issue allows). So during an import
 * the people, things and text come after the thumbnails, not among them. A worker dedicated to
 * vision runs no such jobs and never waits; a long transcode does not hold vision up.
 */
const QUIET_MS = 1500;
const QUIET_POLL_MS = 250;

export interface JobRunnerOptions {
  /** Workers per queue; 0 starts none (an API-only process). */
  concurrency: (queue: string) => number;
}

/**
 * Connects the pipeline to the queue: runs each step's handler, queues the next steps, and
 * records on the asset why it failed when a step gives up.
 */
export class JobRunner {
  constructor(
    private readonly queue: JobQueue,
    private readonly assets: AssetRepository,
    private readonly handlers: PipelineHandlers,
    private readonly observe: JobObserver = () => {},
    private readonly stepRecords?: StepRecords,
  ) {
    for (const step of STEPS) {
      if (!step.optional && !this.handlerOf(step.name))
        throw new Error(`No handler for job ${step.name}`);
      if (step.recorded && this.handlerOf(step.name) && !stepRecords)
        throw new Error(`The recorded step ${step.name} needs step records`);
    }
  }

  /** Whether the step is switched on (it has a handler). */
  isOn(name: string): boolean {
    return this.handlerOf(name) !== undefined;
  }

  /** The version a recorded step's handler runs; undefined for a step that is off or unversioned. */
  versionOf(name: string): string | undefined {
    const handler = (this.handlers as Record<string, AssetJobHandler | VersionedHandler>)[name];
    return handler && typeof handler !== 'function' ? handler.version : undefined;
  }

  private handlerOf(name: string): AssetJobHandler | undefined {
    const handler = (this.handlers as Record<string, AssetJobHandler | VersionedHandler>)[name];
    if (handler === undefined) return undefined;
    return typeof handler === 'function' ? handler : handler.run;
  }

  start(options: JobRunnerOptions): void {
    const queues = new Set(PIPELINE.map((step) => step.queue));
    for (const queue of queues) {
      const concurrency = options.concurrency(queue);
      if (concurrency > 0)
        this.queue.work(
          queue,
          concurrency,
          observed((job) => this.run(job), this.observe),
        );
    }
  }

  /** Jobs running in this process, and when the last one ended, per step. */
  private readonly running = new Map<string, number>();
  private readonly lastEnded = new Map<string, number>();

  private async run(job: Job): Promise<JobOutcome> {
    const step = stepOrFail(job.name);
    if (step.waitsFor) await this.whenQuiet(step.waitsFor);
    this.running.set(step.name, (this.running.get(step.name) ?? 0) + 1);
    try {
      return await this.runStep(step, job);
    } finally {
      this.running.set(step.name, this.running.get(step.name)! - 1);
      this.lastEnded.set(step.name, performance.now());
    }
  }

  /** See: [Note: Vision waits for uploads to settle]. */
  private async whenQuiet(steps: readonly string[]): Promise<void> {
    const busy = () =>
      steps.some(
        (name) =>
          (this.running.get(name) ?? 0) > 0 ||
          performance.now() - (this.lastEnded.get(name) ?? -Infinity) < QUIET_MS,
      );
    while (busy()) await new Promise((resolve) => setTimeout(resolve, QUIET_POLL_MS));
  }

  private async runStep(step: PipelineStep, job: Job): Promise<JobOutcome> {
    const assetId = String(job.payload.assetId);
    const handler = this.handlerOf(step.name);
    // Switched off since it was queued: see PipelineHandlers.
    if (!handler) return { status: 'completed' };
    const version = this.versionOf(step.name);
    const record = (outcome: JobOutcome) =>
      step.recorded && version !== undefined
        ? this.stepRecords?.record(assetId, step.name, version, outcome)
        : undefined;
    // Starts count as attempts, finished or not: a file that kills its worker every time (out of
    // memory, a crash in a native library) must end failed, not be taken up again forever.
    if (job.attempt > job.maxAttempts) {
      const reason =
        `${step.name} was started ${job.maxAttempts} times and never finished: ` +
        'the worker stopped each time (out of memory or killed)';
      if (step.recorded) await record({ status: 'failed', reason });
      else await this.assets.markFailed(assetId, reasonForPeople(reason));
      return { status: 'failed', reason };
    }
    let outcome: JobOutcome;
    try {
      outcome = await handler(assetId);
    } catch (error) {
      // A follow-up step failing does not make the asset failed: it stays ready, the step's
      // record says what went wrong.
      if (job.attempt >= job.maxAttempts && step.recorded) {
        await record({ status: 'failed', reason: `${step.name} failed: ${errorMessage(error)}` });
        throw error;
      }
      if (job.attempt >= job.maxAttempts) {
        // The log and the job record keep the error itself. See: [Note: Reasons people read].
        await this.assets.markFailed(
          assetId,
          reasonForPeople(`${step.name} failed: ${errorMessage(error)}`),
        );
      }
      throw error;
    }
    await record(outcome);
    if (outcome.status === 'completed') {
      if (step.completesAsset) await this.assets.markReady(assetId);
      let type: AssetType | undefined;
      for (const next of onlyThisStep(job) ? [] : step.next) {
        const nextStep = stepOrFail(next);
        if (!this.isOn(nextStep.name)) continue;
        // Read only when a follow-up asks for a type: most steps queue theirs without a lookup.
        if (nextStep.for) {
          type ??= (await this.assets.get(assetId))?.type;
          if (type !== nextStep.for) continue;
        }
        // So a backfill starting now does not queue it a second time.
        const nextVersion = this.versionOf(nextStep.name);
        if (nextStep.recorded && nextVersion !== undefined)
          await this.stepRecords?.markQueued([assetId], nextStep.name, nextVersion);
        await this.queue.enqueue({
          name: nextStep.name,
          queue: nextStep.queue,
          payload: { assetId },
          // This job may run again (its worker died before the queue recorded it completed):
          // then the follow-up it queued already is not queued twice.
          key: `${job.id}.${nextStep.name}`,
        });
      }
    }
    return outcome;
  }
}

/*
 * [Note: Re-running one step]
 * A job whose payload has `onlyThisStep: true` runs its step and queues nothing after it. A new
 * XMP sidecar re-reads the metadata this way: the capture time, place and words change, the
 * renditions would come out the same, so they are not made again. The metadata step keeps the
 * size the decoder found once renditions exist, so running it again changes nothing else.
 */
const onlyThisStep = (job: Job): boolean => job.payload.onlyThisStep === true;
