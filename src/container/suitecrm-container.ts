// A Testcontainers module in the style of testcontainers-node's own (`new XContainer().withY().start()`
// → a started handle with typed getters, `stop()` and `await using`). MariaDB and SuiteCRM share a
// fresh private network; both images are built locally FROM debian:bookworm and cached by content.
// Testcontainers is imported lazily: nothing of it loads on the CLI's no-engine path.
import os from 'node:os';
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { StartedNetwork, StartedTestContainer } from 'testcontainers';
import type { ClientCreds } from '../client/oauth.js';
import { secrets, type SecretRegistry } from '../redact/secrets.js';
import {
  ADMIN_USER,
  APACHE_STARTING,
  DB_ALIAS,
  DB_READY,
  databaseEnv,
  DEFAULT_CONTAINER_TTL,
  harnessEnv,
  HTTP_PORT,
  installEnv,
  LABEL,
  MARIADB_REPOSITORY,
  MARIADB_VERSION,
  makeRunSecrets,
  PRIVATE_KEY_PATH,
  PUBLIC_KEY_PATH,
  secretValues,
  SUITECRM_REPOSITORY,
  type ContainerOptions,
  type RunSecrets,
  type SeedClient,
} from './definition.js';
import { ensureBaseImage, ensureImage, seconds, withHeartbeat, type Progress } from './images.js';
import { DEFAULT_SUITECRM_VERSION, describeSource, MARIADB_CONTEXT, resolveSource, sourceIdentity, SUITECRM_CONTEXT, versionTraits, type SuiteCrmSource } from './versions.js';

export type { Progress } from './images.js';

/** Image builds (cold: ~1–5 min), MariaDB, and the silent install (~10–60 s) on a loaded CI runner. */
export const DEFAULT_STARTUP_TIMEOUT_MS = 20 * 60_000;

/**
 * Where the instance's port is published and reached. An engine on this machine (a unix socket, no
 * TESTCONTAINERS_HOST_OVERRIDE) publishes on 127.0.0.1 only, and the harness talks to 127.0.0.1:
 * nothing beyond this machine reaches the instance. (Testcontainers would answer the bridge gateway
 * wherever /.dockerenv exists, e.g. in a sandbox that runs its own dockerd, where nothing listens
 * on it.) A remote engine (DOCKER_HOST tcp/ssh) or an explicit TESTCONTAINERS_HOST_OVERRIDE (a
 * socket mounted into a container) publishes on every interface, reached where Testcontainers says.
 */
export function publishing(env: NodeJS.ProcessEnv = process.env): { loopbackOnly: boolean; host: (resolved: string) => string } {
  const remote = /^(tcp|ssh|https?):/i.test(env.DOCKER_HOST ?? '') || !!env.TESTCONTAINERS_HOST_OVERRIDE;
  // "localhost" may resolve to ::1 first, where Docker does not publish.
  return remote ? { loopbackOnly: false, host: (h) => (h === 'localhost' ? '127.0.0.1' : h) } : { loopbackOnly: true, host: () => '127.0.0.1' };
}

/** Forwards the "[suitecrm] …" / "[mariadb] …" lines (never secrets; masked anyway). */
function entrypointLines(progress: Progress, registry: SecretRegistry) {
  return (stream: Readable) => {
    let buf = '';
    stream.on('data', (d: Buffer | string) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i).trim();
        buf = buf.slice(i + 1);
        if (/^\[(suitecrm|mariadb)\]/.test(line) && !APACHE_STARTING.test(line)) progress(registry.mask(line));
      }
    });
  };
}

/** Labels of every container of a run: which process owns it, on which host (leftover sweeps). */
export function runLabels(): Record<string, string> {
  return { [LABEL]: 'suitecrm-target', [`${LABEL}.pid`]: String(process.pid), [`${LABEL}.host`]: os.hostname() };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes containers (and their networks) of earlier runs on this host whose process is gone:
 * a run killed with SIGKILL cannot clean up after itself, and the reaper (Ryuk) is off. */
export async function sweepLeftovers(docker: Dockerode, say: Progress): Promise<number> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL}=suitecrm-target`] } }).catch(() => []);
  let n = 0;
  for (const c of list) {
    const pid = Number(c.Labels[`${LABEL}.pid`]);
    if (c.Labels[`${LABEL}.host`] !== os.hostname() || !pid || alive(pid)) continue;
    const networks = Object.keys(c.NetworkSettings?.Networks ?? {}).filter((x) => !['bridge', 'host', 'none'].includes(x));
    await docker
      .getContainer(c.Id)
      .remove({ force: true, v: true })
      .catch(() => undefined);
    for (const net of networks) await docker.getNetwork(net).remove().catch(() => undefined);
    n++;
  }
  if (n) say(`removed ${n} container(s) left by an earlier run that was killed`);
  return n;
}

export class SuiteCrmContainer {
  private version = DEFAULT_SUITECRM_VERSION;
  private source: SuiteCrmSource | undefined;
  private accessTtlSeconds: number = DEFAULT_CONTAINER_TTL.accessSeconds;
  private refreshTtlSeconds: number = DEFAULT_CONTAINER_TTL.refreshSeconds;
  private redirectUri: string | undefined;
  private displayErrors: 'On' | 'Off' = 'Off';
  private startupTimeoutMs = DEFAULT_STARTUP_TIMEOUT_MS;
  private progress: Progress = () => {};
  private registry: SecretRegistry = secrets;

  constructor(version?: string) {
    if (version) this.version = versionTraits(version).version;
  }

  /** A local source archive (tar.xz, tar.gz or zip), checked against `sha256` or docker/suitecrm/SHA256SUMS. */
  withArchive(file: string, sha256?: string): this {
    this.source = resolveSource(this.version, file, sha256);
    return this;
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

  /** PHP's display_errors (a deployment setting; Debian's production php.ini has it Off). */
  withDisplayErrors(on: boolean): this {
    this.displayErrors = on ? 'On' : 'Off';
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
      displayErrors: this.displayErrors,
      ...(this.redirectUri ? { redirectUri: this.redirectUri } : {}),
    };
  }

  async start(): Promise<StartedSuiteCrm> {
    const opts = this.options();
    const source = this.source ?? resolveSource(this.version);
    const run = makeRunSecrets(opts);
    for (const [value, kind] of secretValues(run)) this.registry.register(value, kind);
    installEnv(opts, run, 'http://127.0.0.1'); // validates the lifetimes before anything starts
    // The reaper's image comes from Docker Hub; without a registry it cannot start. Clean-up is ours
    // (finally blocks, signal handlers, sweepLeftovers); TESTCONTAINERS_RYUK_DISABLED=false opts back in.
    process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
    const tc = await import('testcontainers');
    const t0 = Date.now();
    const say = this.progress;
    const deadline = <T>(what: string, p: Promise<T>): Promise<T> =>
      Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(this.startupTimeoutMs / 1000)} s`)), this.startupTimeoutMs).unref())]);

    const client = await tc.getContainerRuntimeClient();
    const docker = client.container.dockerode;
    await sweepLeftovers(docker, say);
    const baseId = await ensureBaseImage(docker, say);
    const dbImage = await ensureImage(docker, { repository: MARIADB_REPOSITORY, label: MARIADB_VERSION, context: MARIADB_CONTEXT, buildArgs: {}, identities: [baseId], what: 'the MariaDB image' }, say);
    say(`SuiteCRM ${opts.version} source: ${describeSource(source)}`);
    const crmImage = await ensureImage(
      docker,
      {
        repository: SUITECRM_REPOSITORY,
        label: opts.version,
        context: SUITECRM_CONTEXT,
        buildArgs: { SUITECRM_VERSION: opts.version, ...(source.kind === 'archive' && source.sumFrom === 'given' ? { SUITECRM_SHA256: source.sha256 } : {}) },
        identities: [baseId, sourceIdentity(source)],
        ...(source.kind === 'archive' ? { extraFiles: [[source.file, `source/${source.name}`] as [string, string]] } : {}),
        what: 'the SuiteCRM image',
      },
      say,
    );

    const labels = runLabels();
    const publish = publishing();
    /** Published on 127.0.0.1 only where the engine is local (Testcontainers binds every interface). */
    class LoopbackContainer extends tc.GenericContainer {
      withLoopbackPort(port: number): this {
        this.withExposedPorts(port);
        if (publish.loopbackOnly) this.hostConfig.PortBindings = { ...this.hostConfig.PortBindings, [`${port}/tcp`]: [{ HostIp: '127.0.0.1', HostPort: '0' }] };
        return this;
      }
    }
    const network = await new tc.Network().start();
    const started: { db?: StartedTestContainer; crm?: StartedTestContainer } = {};
    try {
      const t1 = Date.now();
      say('starting MariaDB and SuiteCRM on a private network');
      [started.db, started.crm] = await Promise.all([
        new tc.GenericContainer(dbImage)
          .withNetwork(network)
          .withNetworkAliases(DB_ALIAS)
          .withEnvironment(databaseEnv(run))
          .withLabels(labels)
          .withLogConsumer(entrypointLines(say, this.registry))
          .withWaitStrategy(tc.Wait.forLogMessage(DB_READY))
          .withStartupTimeout(this.startupTimeoutMs)
          .start(),
        new LoopbackContainer(crmImage)
          .withLoopbackPort(HTTP_PORT)
          .withNetwork(network)
          .withLabels(labels)
          .withLogConsumer(entrypointLines(say, this.registry))
          .withWaitStrategy(tc.Wait.forLogMessage(APACHE_STARTING))
          .withStartupTimeout(this.startupTimeoutMs)
          .start(),
      ]);
      const baseUrl = `http://${publish.host(started.crm.getHost())}:${started.crm.getMappedPort(HTTP_PORT)}`;
      say(`containers up in ${seconds(t1)} s; installing SuiteCRM ${opts.version} for ${baseUrl}`);
      // Readiness is the installer's own completion: suitecrm-install exits 0 only when SuiteCRM's
      // silent installer reported it, keys, lifetimes and seed are in place (docker/suitecrm/install.sh).
      const t2 = Date.now();
      const install = await withHeartbeat('installing SuiteCRM', say, deadline('the SuiteCRM install', started.crm.exec(['suitecrm-install'], { env: installEnv(opts, run, baseUrl) })));
      if (install.exitCode !== 0) {
        const lines = install.output.split('\n').filter((l) => l.includes('[suitecrm]') || /error/i.test(l)).slice(-3);
        throw new Error(this.registry.mask(`suitecrm-install exited ${install.exitCode}: ${lines.join(' | ') || install.output.slice(-300)}`));
      }
      say(`SuiteCRM installed and seeded in ${seconds(t2)} s`);
      const read = async (file: string, marker: string) => {
        const r = await started.crm!.exec(['cat', file]);
        return r.exitCode === 0 && r.stdout.includes(marker) ? r.stdout : undefined;
      };
      const publicKeyPem = await read(PUBLIC_KEY_PATH, 'BEGIN PUBLIC KEY');
      const privateKeyPem = await read(PRIVATE_KEY_PATH, 'PRIVATE KEY');
      this.registry.register(privateKeyPem, 'secret');
      say(`SuiteCRM ${opts.version} ready at ${baseUrl} after ${seconds(t0)} s`);
      return new StartedSuiteCrm(opts, run, baseUrl, { ...(publicKeyPem ? { publicKeyPem } : {}), ...(privateKeyPem ? { privateKeyPem } : {}) }, started.crm, started.db, network);
    } catch (err) {
      await Promise.allSettled([started.crm?.stop(), started.db?.stop()]);
      await network.stop().catch(() => {});
      throw err;
    }
  }
}

export class StartedSuiteCrm implements AsyncDisposable {
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly opts: ContainerOptions,
    private readonly run: RunSecrets,
    private readonly baseUrl: string,
    private readonly keys: { publicKeyPem?: string; privateKeyPem?: string },
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

  /** The non-admin user whose role disables Accounts. */
  getLimitedUser(): { username: string; password: string } {
    const u = this.run.users.find((x) => x.denyModules.length)!;
    return { username: u.userName, password: u.password };
  }

  getPublicKeyPem(): string | undefined {
    return this.keys.publicKeyPem;
  }

  /** CRM_* variables for a URL-target run of the suite against this instance. */
  harnessEnv(): Record<string, string> {
    return harnessEnv(this.baseUrl, this.opts, this.run, this.keys);
  }

  /** Runs a command in the SuiteCRM container (e.g. reading its PHP log while investigating). */
  exec(command: string[]): Promise<{ exitCode: number; output: string }> {
    return this.crm.exec(command);
  }

  /** Removes both containers and the network; safe to call twice. */
  stop(): Promise<void> {
    return (this.stopping ??= (async () => {
      await Promise.allSettled([this.crm.stop(), this.db.stop()]);
      await this.network.stop().catch(() => {});
    })());
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
