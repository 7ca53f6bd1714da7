import type { AssetType } from '../assets/asset.js';
import type { AssetRepository } from '../assets/asset-repository.js';
import type { Job, JobOutcome, JobQueue } from '../ports/job-queue.js';
import type { AssetJobHandler } from './asset-job.js';
import { errorMessage } from '../errors.js';
import { observed, type JobObserver } from './job-observer.js';
import { PIPELINE, stepOrFail, type StepName } from './pipeline.js';
import { reasonForPeople } from './failure-reasons.js';

export type PipelineHandlers = Record<StepName, AssetJobHandler>;

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
  ) {
    for (const step of PIPELINE) {
      if (typeof handlers[step.name] !== 'function')
        throw new Error(`No handler for job ${step.name}`);
    }
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

  private async run(job: Job): Promise<JobOutcome> {
    const step = stepOrFail(job.name);
    const assetId = String(job.payload.assetId);
    // Starts count as attempts, finished or not: a file that kills its worker every time (out of
    // memory, a crash in a native library) must end failed, not be taken up again forever.
    if (job.attempt > job.maxAttempts) {
      const reason =
        `${step.name} was started ${job.maxAttempts} times and never finished: ` +
        'the worker stopped each time (out of memory or killed)';
      await this.assets.markFailed(assetId, reasonForPeople(reason));
      return { status: 'failed', reason };
    }
    let outcome: JobOutcome;
    try {
      outcome = await this.handlers[step.name as StepName](assetId);
    } catch (error) {
      if (job.attempt >= job.maxAttempts) {
        // The log and the job record keep the error itself. See: [Note: Reasons people read].
        await this.assets.markFailed(
          assetId,
          reasonForPeople(`${step.name} failed: ${errorMessage(error)}`),
        );
      }
      throw error;
    }
    if (outcome.status === 'completed') {
      if (step.completesAsset) await this.assets.markReady(assetId);
      let type: AssetType | undefined;
      for (const next of onlyThisStep(job) ? [] : step.next) {
        const nextStep = stepOrFail(next);
        // Read only when a follow-up asks for a type: most steps queue theirs without a lookup.
        if (nextStep.for) {
          type ??= (await this.assets.get(assetId))?.type;
          if (type !== nextStep.for) continue;
        }
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
