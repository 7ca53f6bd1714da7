import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { mp4Args } from '../src/adapters/media/ffmpeg-transcode-args.js';
import { scaledToShortSide } from '../src/core/media/playback-rules.js';
import { api, login, setupUser, sleep, startKeepsake, WORK } from './lib.js';

/*
 * A video's playable copy through Keepsake (upload → metadata → the playback job done) beside
 * plain ffmpeg run with the same arguments on the same file. The clip is MPEG-4 Part 2, which
 * browsers do not play, so Keepsake encodes it under its default policy.
 */
const SECONDS = 20;
const SOURCE = { width: 1920, height: 1080 };
const TARGET = scaledToShortSide(SOURCE, 720);

export interface TranscodeSide {
  seconds: number;
  /** Peak resident memory of the ffmpeg process that encoded, MiB. */
  ffmpegPeakMiB: number;
  /** Keepsake only: the server's own peak resident memory, MiB. */
  serverPeakMiB?: number;
  /**
   * Keepsake only: the playback job itself (probe, encode, store), as the server's job-duration
   * metric records it: the transcode speed, without the upload, metadata and poster frame.
   */
  jobSeconds?: number;
}

export async function ensureTranscodeClip(): Promise<string> {
  const path = join(WORK, 'transcode', `clip-${SECONDS}s-1080p.mp4`);
  if (existsSync(path)) return path;
  await mkdir(join(WORK, 'transcode'), { recursive: true });
  const args = [
    ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=30:duration=${SECONDS}`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${SECONDS}`],
    ...['-c:v', 'mpeg4', '-q:v', '4', '-c:a', 'aac', '-shortest', path],
  ];
  const result = spawnSync('ffmpeg', args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('could not generate the transcode clip');
  return path;
}

/** Plain ffmpeg, the arguments Keepsake's adapter passes, the clip on local disk. */
export async function transcodeBaseline(clip: string): Promise<TranscodeSide> {
  const out = join(WORK, 'transcode', 'baseline.mp4');
  const started = performance.now();
  const child = spawn('ffmpeg', mp4Args(clip, TARGET, out), { stdio: 'inherit' });
  const peak = watchPeak(() => (child.pid ? [child.pid] : []));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`ffmpeg exited ${code}`);
  await rm(out, { force: true });
  return { seconds, ffmpegPeakMiB: peak.stop() };
}

export async function transcodeKeepsake(clip: string): Promise<TranscodeSide> {
  const dataDir = join(WORK, 'transcode-data');
  await rm(dataDir, { recursive: true, force: true });
  const server = await startKeepsake('transcode-keepsake', dataDir, {}, { compiled: true });
  try {
    await setupUser(server.url);
    const token = await login(server.url);
    const body = new FormData();
    const bytes = await readFile(clip); // read before the clock starts
    const serverPeak = watchPeak(() => [server.pid]);
    const ffmpegPeak = watchPeak(() => descendants(server.pid, 'ffmpeg'));
    const started = performance.now();
    body.append('file', new Blob([bytes]), basename(clip));
    const res = await fetch(`${server.url}/api/assets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body,
    });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    for (;;) {
      const asset = await api<{ playback: { status: string; error: string | null } | null }>(
        `${server.url}/api/assets/${id}`,
        { token },
      );
      const status = asset.playback?.status;
      if (status === 'encoded') break;
      if (status && status !== 'pending')
        throw new Error(`playback ${status}: ${asset.playback?.error}`);
      await sleep(50);
    }
    const seconds = (performance.now() - started) / 1000;
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const jobSeconds = Number(
      /^keepsake_job_duration_seconds_sum\{[^}]*queue="transcode"[^}]*\} (\S+)$/m.exec(
        metrics,
      )?.[1],
    );
    return {
      seconds,
      jobSeconds,
      ffmpegPeakMiB: ffmpegPeak.stop(),
      serverPeakMiB: serverPeak.stop(),
    };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Polls the highest VmHWM (peak resident memory) of the processes `pids` names. */
function watchPeak(pids: () => number[]) {
  let peak = 0;
  const sample = () => {
    for (const pid of pids()) peak = Math.max(peak, highWater(pid));
  };
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      sample();
      clearInterval(timer);
      return peak / 1024;
    },
  };
}

function highWater(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0; // exited meanwhile
  }
}

/** The live descendants of `root` running `name`. */
function descendants(root: number, name: string): number[] {
  const children = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      if (names.get(child) === name) found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}
