// Is a container engine there? Testcontainers' own runtime detection decides (TESTCONTAINERS_HOST_
// OVERRIDE, ~/.testcontainers.properties, DOCKER_HOST with TLS settings, the Docker socket, rootless
// and Podman sockets), imported only when a run has to know, and bounded in time. An explicit
// DOCKER_HOST is taken at its word: a missing socket means no engine (testcontainers would quietly
// fall back to another one; a user who points elsewhere does not mean that), a remote one is trusted.
import { existsSync } from 'node:fs';

export interface EngineProbe {
  available: boolean;
  detail: string;
}

/** Variables testcontainers' detection reads from process.env. */
const ENGINE_VARS = ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'TESTCONTAINERS_HOST_OVERRIDE', 'TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE'];

/** Runs `fn` with `env`'s engine variables in process.env (detection reads nothing else), then restores them. */
async function withEngineEnv<T>(env: NodeJS.ProcessEnv, fn: () => Promise<T>): Promise<T> {
  if (env === process.env) return fn();
  const saved = ENGINE_VARS.map((k) => [k, process.env[k]] as const);
  for (const k of ENGINE_VARS) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export async function probeContainerEngine(env: NodeJS.ProcessEnv = process.env, timeoutMs = 5_000): Promise<EngineProbe> {
  const host = env.DOCKER_HOST;
  if (host?.startsWith('unix://') && !existsSync(host.slice('unix://'.length))) {
    return { available: false, detail: `DOCKER_HOST=${host} names no socket` };
  }
  // A remote engine is trusted as given (as before): probing it here could cost the whole bound.
  if (host && /^(tcp|https?|ssh):/.test(host)) return { available: true, detail: `DOCKER_HOST=${host}` };
  let timer: NodeJS.Timeout | undefined;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const client = await withEngineEnv(env, () => Promise.race([getContainerRuntimeClient(), timeout]));
    const rt = client.info.containerRuntime;
    return { available: true, detail: rt.remoteSocketPath || rt.host };
  } catch (e) {
    const why = (e as Error).message;
    return { available: false, detail: /Could not find a working container runtime strategy/.test(why) ? 'no Docker or Podman engine found' : `the container engine does not answer (${why})` };
  } finally {
    clearTimeout(timer);
  }
}
