// A Testcontainers module in the style of testcontainers-node's own (`new XContainer().withY().start()`
// → a started handle with typed getters, `stop()` and `await using`). MariaDB and SuiteCRM share a
// fresh network; SuiteCRM is built from docker/suitecrm for the asked version, cached by content.
// Testcontainers is imported lazily: nothing of it loads on the CLI's no-engine path.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { StartedNetwork, StartedTestContainer } from 'testcontainers';
import type { ClientCreds } from '../client/oauth.js';
import { secrets, type SecretRegistry } from '../redact/secrets.js';
import {
  ADMIN_USER,
  buildArgs,
  DB_ALIAS,
  DB_IMAGE,
  DB_PORT,
  DB_READY,
  databaseEnv,
  DEFAULT_CONTAINER_TTL,
  harnessEnv,
  HTTP_PORT,
  IMAGE_REPOSITORY,
  makeRunSecrets,
  PUBLIC_KEY_PATH,
  secretValues,
  seedFiles,
  suiteCrmEnv,
  TOKEN_ENDPOINT_WAIT,
  tokenEndpointBodyReady,
  tokenEndpointStatusReady,
  type ContainerOptions,
  type RunSecrets,
  type SeedClient,
} from './definition.js';
import { DEFAULT_SUITECRM_VERSION, requireArchiveChecksum, SUITECRM_CONTEXT, versionTraits } from './versions.js';

export type Progress = (line: string) => void;

/** First install (silent installer, ~1–3 min) plus a cold image build (~3–8 min) on a CI runner. */
export const DEFAULT_STARTUP_TIMEOUT_MS = 15 * 60_000;
const HEARTBEAT_MS = 15_000;

/** Files of the build context, hashed into the image tag: an edited entrypoint means a new image. */
export function contextDigest(archiveSha256: string, dir = SUITECRM_CONTEXT): string {
  const h = createHash('sha256').update(archiveSha256).update('\0');
  for (const f of readdirSync(dir).sort()) {
    h.update(f).update('\0').update(readFileSync(path.join(dir, f))).update('\0');
  }
  return h.digest('hex').slice(0, 12);
}

export function cachedImageName(version: string, archiveSha256: string, dir = SUITECRM_CONTEXT): string {
  return `${IMAGE_REPOSITORY}:${versionTraits(version).version}-${contextDigest(archiveSha256, dir)}`;
}

/** Docker publishes on all interfaces; "localhost" may resolve to ::1 first, so talk to 127.0.0.1. */
export function loopback(host: string): string {
  return host === 'localhost' ? '127.0.0.1' : host;
}

/** Calls `progress` every interval with the elapsed time, so a long phase never looks like a hang. */
async function withHeartbeat<T>(what: string, progress: Progress, work: Promise<T>): Promise<T> {
  const t0 = Date.now();
  const timer = setInterval(() => progress(`${what}… ${Math.round((Date.now() - t0) / 1000)} s`), HEARTBEAT_MS);
  timer.unref();
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/** Forwards the entrypoint's "[suitecrm] …" lines (never secrets, masked anyway). */
function entrypointLines(progress: Progress, registry: SecretRegistry) {
  return (stream: Readable) => {
    let buf = '';
    stream.on('data', (d: Buffer | string) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i).trim();
        buf = buf.slice(i + 1);
        if (line.startsWith('[suitecrm]')) progress(registry.mask(line));
      }
    });
  };
}

export class SuiteCrmContainer {
  private version = DEFAULT_SUITECRM_VERSION;
  private accessTtlSeconds: number = DEFAULT_CONTAINER_TTL.accessSeconds;
  private refreshTtlSeconds: number = DEFAULT_CONTAINER_TTL.refreshSeconds;
  private redirectUri: string | undefined;
  private startupTimeoutMs = DEFAULT_STARTUP_TIMEOUT_MS;
  private progress: Progress = () => {};
  private registry: SecretRegistry = secrets;

  constructor(version?: string) {
    if (version) this.version = versionTraits(version).version;
  }

  withTokenLifetimes(accessSeconds: number, refreshSeconds: number): this {
    this.accessTtlSeconds = accessSeconds;
    this.refreshTtlSeconds = refreshSeconds;
    return this;
  }

  withRedirectUri(uri: string): this {
    this.redirectUri = uri;
    return this;
  }

  withStartupTimeout(ms: number): this {
    this.startupTimeoutMs = ms;
    return this;
  }

  withProgress(progress: Progress): this {
    this.progress = progress;
    return this;
  }

  withSecretRegistry(registry: SecretRegistry): this {
    this.registry = registry;
    return this;
  }

  options(): ContainerOptions {
    return {
      version: this.version,
      accessTtlSeconds: this.accessTtlSeconds,
      refreshTtlSeconds: this.refreshTtlSeconds,
      ...(this.redirectUri ? { redirectUri: this.redirectUri } : {}),
    };
  }

  async start(): Promise<StartedSuiteCrm> {
    const opts = this.options();
    const run = makeRunSecrets(opts);
    for (const [value, kind] of secretValues(run)) this.registry.register(value, kind);
    const suiteEnv = suiteCrmEnv(opts, run); // validates the lifetimes before anything starts
    const tc = await import('testcontainers');
    const t0 = Date.now();
    const say = this.progress;

    const archiveSha256 = requireArchiveChecksum(opts.version);
    const image = cachedImageName(opts.version, archiveSha256);
    const client = await tc.getContainerRuntimeClient();
    if (await client.image.exists(tc.ImageName.fromString(image))) {
      say(`SuiteCRM ${opts.version}: using the cached image ${image}`);
    } else {
      say(`SuiteCRM ${opts.version}: building ${image} from docker/suitecrm (first build downloads PHP, extensions and the release archive: several minutes)`);
      await withHeartbeat(
        'building the SuiteCRM image',
        say,
        tc.GenericContainer.fromDockerfile(SUITECRM_CONTEXT).withBuildArgs(buildArgs(opts.version, archiveSha256)).withCache(true).build(image, { deleteOnExit: false }),
      );
      say(`image built in ${Math.round((Date.now() - t0) / 1000)} s`);
    }

    const network = await new tc.Network().start();
    const started: { db?: StartedTestContainer; crm?: StartedTestContainer } = {};
    try {
      say(`starting ${DB_IMAGE}`);
      started.db = await withHeartbeat(
        'starting MariaDB',
        say,
        new tc.GenericContainer(DB_IMAGE)
          .withNetwork(network)
          .withNetworkAliases(DB_ALIAS)
          .withEnvironment(databaseEnv(run))
          .withExposedPorts(DB_PORT)
          .withWaitStrategy(tc.Wait.forLogMessage(DB_READY.message, DB_READY.times))
          .withStartupTimeout(this.startupTimeoutMs)
          .start(),
      );
      say('starting SuiteCRM (first start installs it: 1–3 minutes)');
      const wait = tc.Wait.forHttp(TOKEN_ENDPOINT_WAIT.path, HTTP_PORT, { abortOnContainerExit: true })
        .withMethod(TOKEN_ENDPOINT_WAIT.method)
        .forStatusCodeMatching(tokenEndpointStatusReady)
        .forResponsePredicate(tokenEndpointBodyReady);
      started.crm = await withHeartbeat(
        'installing and starting SuiteCRM',
        say,
        new tc.GenericContainer(image)
          .withNetwork(network)
          .withEnvironment(suiteEnv)
          .withExposedPorts(HTTP_PORT)
          .withCopyContentToContainer(seedFiles(run).map((f) => ({ content: f.content, target: f.target, mode: 0o644 })))
          .withLogConsumer(entrypointLines(say, this.registry))
          .withWaitStrategy(wait)
          .withStartupTimeout(this.startupTimeoutMs)
          .start(),
      );
      const key = await started.crm.exec(['cat', PUBLIC_KEY_PATH]);
      const publicKeyPem = key.exitCode === 0 && key.output.includes('BEGIN PUBLIC KEY') ? key.output : undefined;
      const baseUrl = `http://${loopback(started.crm.getHost())}:${started.crm.getMappedPort(HTTP_PORT)}`;
      say(`SuiteCRM ${opts.version} ready at ${baseUrl} after ${Math.round((Date.now() - t0) / 1000)} s`);
      return new StartedSuiteCrm(opts, run, baseUrl, publicKeyPem, started.crm, started.db, network);
    } catch (err) {
      await Promise.allSettled([started.crm?.stop(), started.db?.stop()]);
      await network.stop().catch(() => {});
      throw err;
    }
  }
}

export class StartedSuiteCrm implements AsyncDisposable {
  constructor(
    private readonly opts: ContainerOptions,
    private readonly run: RunSecrets,
    private readonly baseUrl: string,
    private readonly publicKeyPem: string | undefined,
    private readonly crm: StartedTestContainer,
    private readonly db: StartedTestContainer,
    private readonly network: StartedNetwork,
  ) {}

  getVersion(): string {
    return this.opts.version;
  }

  getBaseUrl(): string {
    return this.baseUrl;
  }

  getTokenLifetimes(): { accessSeconds: number; refreshSeconds: number } {
    return { accessSeconds: this.opts.accessTtlSeconds, refreshSeconds: this.opts.refreshTtlSeconds };
  }

  private client(role: SeedClient['role']): ClientCreds | undefined {
    const c = this.run.clients.find((x) => x.role === role);
    return c ? { id: c.id, secret: c.secret } : undefined;
  }

  /** The password-grant client. */
  getClientCredentials(): ClientCreds {
    return this.client('client')!;
  }

  /** A second password-grant client (cross-client checks). */
  getSecondClientCredentials(): ClientCreds {
    return this.client('client2')!;
  }

  /** The client_credentials client; it acts as the admin user. */
  getClientCredentialsGrantClient(): ClientCreds {
    return this.client('ccClient')!;
  }

  /** 7.15+: the authorization_code client and its redirect URI. */
  getAuthorizationCodeClient(): (ClientCreds & { redirectUri: string }) | undefined {
    const c = this.run.clients.find((x) => x.role === 'authCodeClient');
    return c?.redirectUri ? { id: c.id, secret: c.secret, redirectUri: c.redirectUri } : undefined;
  }

  getAdminCredentials(): { username: string; password: string } {
    return { username: ADMIN_USER, password: this.run.adminPassword };
  }

  getPublicKeyPem(): string | undefined {
    return this.publicKeyPem;
  }

  /** CRM_* variables for a URL-target run of the suite against this instance. */
  harnessEnv(): Record<string, string> {
    return harnessEnv(this.baseUrl, this.opts, this.run, this.publicKeyPem);
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.crm.stop(), this.db.stop()]);
    await this.network.stop().catch(() => {});
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
