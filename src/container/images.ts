// The images of the container target, built locally and cached by content: the base
// debian:bookworm (pulled, else made by docker/base/build.sh with debootstrap), MariaDB and
// SuiteCRM FROM it. Talks to the engine through the Dockerode instance Testcontainers found,
// so engine detection (DOCKER_HOST, Podman, …) is Testcontainers' own.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { ConfigError } from '../config/errors.js';
import { LABEL } from './definition.js';
import { BASE_IMAGE_SCRIPT } from './versions.js';

export type Progress = (line: string) => void;

export const BASE_IMAGE = 'debian:bookworm';
const HEARTBEAT_MS = 15_000;

export const seconds = (t0: number): number => Math.round((Date.now() - t0) / 1000);

/** Calls `progress` every interval with the elapsed time, so a long phase never looks like a hang. */
export async function withHeartbeat<T>(what: string, progress: Progress, work: Promise<T>): Promise<T> {
  const t0 = Date.now();
  const timer = setInterval(() => progress(`${what}… ${seconds(t0)} s`), HEARTBEAT_MS);
  timer.unref();
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/** Files of a build context, relative and sorted; archives in source/ are identified by their sum instead. */
export function contextFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...contextFiles(dir, p));
    else if (e.isFile() && !(p.startsWith('source/') && p !== 'source/README.md')) out.push(p);
  }
  return out;
}

/** 12 hex digits over every context file (name and bytes) and the extra identities (source, base image). */
export function contextDigest(dir: string, identities: readonly string[]): string {
  const h = createHash('sha256');
  for (const f of contextFiles(dir)) h.update(f).update('\0').update(readFileSync(path.join(dir, f))).update('\0');
  for (const i of identities) h.update(i).update('\0');
  return h.digest('hex').slice(0, 12);
}

async function imageId(docker: Dockerode, ref: string): Promise<string | undefined> {
  try {
    return (await docker.getImage(ref).inspect()).Id;
  } catch {
    return undefined;
  }
}

function followBuild(docker: Dockerode, stream: NodeJS.ReadableStream, onLine: (line: string) => void): Promise<{ error?: string; tail: string[] }> {
  const tail: string[] = [];
  let error: string | undefined;
  return new Promise((resolve) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null) => resolve({ ...(error || err ? { error: error ?? err!.message } : {}), tail }),
      (ev: { stream?: string; error?: string; status?: string }) => {
        if (ev.error) error = ev.error.trim();
        for (const line of (ev.stream ?? ev.status ?? '').split('\n')) {
          const l = line.trim();
          if (!l) continue;
          tail.push(l);
          if (tail.length > 8) tail.shift();
          onLine(l);
        }
      },
    );
  });
}

/** debian:bookworm: present, else pulled, else made with debootstrap (docker/base/build.sh). */
export async function ensureBaseImage(docker: Dockerode, say: Progress): Promise<string> {
  const have = await imageId(docker, BASE_IMAGE);
  if (have) return have;
  const t0 = Date.now();
  say(`base image ${BASE_IMAGE} is missing: trying a pull`);
  const pulled = await Promise.race([
    docker
      .pull(BASE_IMAGE)
      .then((s: NodeJS.ReadableStream) => followBuild(docker, s, () => {}))
      .then((r) => !r.error)
      .catch(() => false),
    new Promise<false>((r) => setTimeout(() => r(false), 60_000).unref()),
  ]);
  if (!pulled) {
    say(`no registry has ${BASE_IMAGE}: making it with docker/base/build.sh (debootstrap from Debian's mirror, about a minute)`);
    const result = await withHeartbeat(
      'making the base image',
      say,
      new Promise<{ code: number | null; last: string }>((resolve) => {
        const child = spawn('sh', [BASE_IMAGE_SCRIPT], { stdio: ['ignore', 'ignore', 'pipe'] });
        let last = '';
        child.stderr.on('data', (d: Buffer) => {
          for (const l of d.toString().split('\n').filter(Boolean)) {
            last = l;
            say(l);
          }
        });
        child.on('error', (e) => resolve({ code: 1, last: e.message }));
        child.on('close', (code) => resolve({ code, last }));
      }),
    );
    if (result.code !== 0) {
      throw new ConfigError(
        `the base image ${BASE_IMAGE} is missing, no registry has it, and docker/base/build.sh failed (${result.last.replace(/^\[base\] /, '')}): run it once as root with debootstrap installed`,
      );
    }
  }
  const id = await imageId(docker, BASE_IMAGE);
  if (!id) throw new ConfigError(`the base image ${BASE_IMAGE} is still missing after ${pulled ? 'a pull' : 'docker/base/build.sh'}`);
  say(`base image ${BASE_IMAGE} ready in ${seconds(t0)} s`);
  return id;
}

export interface ImageSpec {
  /** e.g. crm-conformance/suitecrm */
  repository: string;
  /** e.g. 7.14.6: the tag is `<label>-<content hash>` */
  label: string;
  context: string;
  buildArgs: Record<string, string>;
  /** What else decides the image's content (source identity, base image id). */
  identities: string[];
  /** Files copied into the context for this build only: [absolute source, path in the context]. */
  extraFiles?: Array<[string, string]>;
  /** For progress lines: "the SuiteCRM image". */
  what: string;
}

export function imageRef(spec: ImageSpec): string {
  return `${spec.repository}:${spec.label}-${contextDigest(spec.context, spec.identities)}`;
}

/** The image of this content: cached when it exists, else built (and older builds of ours removed). */
export async function ensureImage(docker: Dockerode, spec: ImageSpec, say: Progress): Promise<string> {
  const ref = imageRef(spec);
  if (await imageId(docker, ref)) {
    say(`${spec.what}: cached ${ref}`);
    return ref;
  }
  const t0 = Date.now();
  say(`${spec.what}: building ${ref} from ${path.relative(process.cwd(), spec.context) || spec.context}`);
  let dir = spec.context;
  if (spec.extraFiles?.length) {
    // A throwaway copy of the context, so the user's archive never lands in the project tree.
    dir = mkdtempSync(path.join(os.tmpdir(), 'crm-conformance-build-'));
    cpSync(spec.context, dir, { recursive: true });
    for (const [from, to] of spec.extraFiles) {
      try {
        linkSync(from, path.join(dir, to));
      } catch {
        copyFileSync(from, path.join(dir, to));
      }
    }
  }
  try {
    const src = [...contextFiles(dir), ...(spec.extraFiles ?? []).map(([, to]) => to)];
    const stream = await docker.buildImage({ context: dir, src }, { t: ref, buildargs: spec.buildArgs, labels: { [LABEL]: `${spec.repository}:${spec.label}` }, rm: true, forcerm: true });
    const result = await withHeartbeat(
      `building ${spec.what}`,
      say,
      followBuild(docker, stream, (l) => {
        // The step headers and the source check's own lines; apt's chatter stays out.
        if (/^Step \d+\/\d+ : (RUN|COPY)/.test(l)) say(`  ${spec.what}: ${l.slice(0, 110)}${l.length > 110 ? '…' : ''}`);
        else if (/^suitecrm source: /.test(l)) say(`  ${l}`);
      }),
    );
    if (result.error || !(await imageId(docker, ref))) {
      throw new ConfigError(`building ${spec.what} failed: ${(result.error ?? result.tail.at(-1) ?? 'no output').replace(/\s+/g, ' ').slice(0, 400)}`);
    }
  } finally {
    if (dir !== spec.context) rmSync(dir, { recursive: true, force: true });
  }
  say(`${spec.what}: built in ${seconds(t0)} s`);
  await removeOlderBuilds(docker, `${spec.repository}:${spec.label}`, ref);
  return ref;
}

/** Every content change makes a new tag: keep only the newest build of each image and version of ours. */
async function removeOlderBuilds(docker: Dockerode, family: string, keep: string): Promise<void> {
  const images = await docker.listImages({ filters: { label: [`${LABEL}=${family}`] } }).catch(() => []);
  for (const img of images) {
    if ((img.RepoTags ?? []).includes(keep)) continue;
    await docker
      .getImage(img.Id)
      .remove()
      .catch(() => undefined);
  }
}
