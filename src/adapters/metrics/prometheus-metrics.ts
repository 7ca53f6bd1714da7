import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { JobEvent } from '../../core/jobs/job-observer.js';
import type { QueueCounts } from '../../core/ports/job-queue.js';

const QUEUE_STATES = ['waiting', 'active', 'completed', 'failed'] as const;
const STEP_STATES = ['done', 'failed', 'pending', 'total'] as const;

/** A queue's counts; a queue of recorded steps (vision) adds each step's progress. */
export type QueueCountsWithSteps = QueueCounts & {
  steps?: Record<string, Record<(typeof STEP_STATES)[number], number>>;
};

/**
 * What `/metrics` exposes, in Prometheus's text format: request latency by route, job durations
 * and outcomes by queue, queue depth (read from the queue when scraped) and uploads in flight.
 */
export class PrometheusMetrics {
  readonly registry = new Registry();
  private readonly httpDuration = new Histogram({
    name: 'keepsake_http_request_duration_seconds',
    help: 'HTTP request latency, by route pattern',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly jobDuration = new Histogram({
    name: 'keepsake_job_duration_seconds',
    help: 'Time a worker spent on a job, by queue and outcome',
    labelNames: ['queue', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });
  private readonly jobsFinished = new Counter({
    name: 'keepsake_jobs_total',
    help: 'Jobs finished by this process, by queue and outcome',
    labelNames: ['queue', 'outcome'],
    registers: [this.registry],
  });
  private readonly uploads = new Gauge({
    name: 'keepsake_uploads_in_flight',
    help: 'Uploads being received by this process',
    registers: [this.registry],
  });

  constructor(queueCounts: () => Promise<Record<string, QueueCountsWithSteps>>) {
    // prom-client's process and Node.js metrics, as keepsake_process_* and keepsake_nodejs_*
    // (a 'keepsake_process_' prefix made keepsake_process_process_*). Its three gauges named
    // *_total (active handles, requests, resources: the sums of the same gauges by type) break
    // Prometheus's naming rule that only counters end in _total; sum() the typed ones instead.
    collectDefaultMetrics({ register: this.registry, prefix: 'keepsake_' });
    for (const name of ['active_handles', 'active_requests', 'active_resources'])
      this.registry.removeSingleMetric(`keepsake_nodejs_${name}_total`);
    // prom-client collects the gauges side by side: one read of the counts serves both.
    let reading: Promise<Record<string, QueueCountsWithSteps>> | undefined;
    const scraped = () => {
      if (!reading) {
        reading = queueCounts();
        const forget = () => void (reading = undefined);
        reading.then(forget, forget);
      }
      return reading;
    };
    new Gauge({
      name: 'keepsake_queue_jobs',
      help: 'Jobs in each queue by state (the whole installation, not this process)',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const [queue, queueCounts] of Object.entries(await scraped()))
          for (const state of QUEUE_STATES) this.set({ queue, state }, queueCounts[state]);
      },
    });
    new Gauge({
      name: 'keepsake_step_assets',
      help: 'Assets by state for each recorded step (vision): done, failed, pending, total',
      labelNames: ['step', 'state'],
      registers: [this.registry],
      async collect() {
        for (const queueCounts of Object.values(await scraped()))
          for (const [step, progress] of Object.entries(queueCounts.steps ?? {}))
            for (const state of STEP_STATES) this.set({ step, state }, progress[state]);
      },
    });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  observeJob = (event: JobEvent): void => {
    const labels = { queue: event.queue, outcome: event.outcome };
    this.jobDuration.observe(labels, event.durationMs / 1000);
    this.jobsFinished.inc(labels);
  };

  uploadStarted(): void {
    this.uploads.inc();
  }

  uploadEnded(): void {
    this.uploads.dec();
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
