// Is a container engine there? A fast, bounded check (no Testcontainers import on the hot path).
import { existsSync } from 'node:fs';
import http from 'node:http';

export interface EngineProbe {
  available: boolean;
  detail: string;
}

function socketCandidates(env: NodeJS.ProcessEnv): string[] {
  const host = env.DOCKER_HOST;
  if (host?.startsWith('unix://')) return [host.slice('unix://'.length)];
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return ['/var/run/docker.sock', `/run/user/${uid}/podman/podman.sock`, '/run/podman/podman.sock'];
}

/** Pings the engine API over its unix socket within `timeoutMs`. TCP DOCKER_HOSTs are trusted as given. */
export async function probeContainerEngine(env: NodeJS.ProcessEnv = process.env, timeoutMs = 800): Promise<EngineProbe> {
  if (env.DOCKER_HOST && /^tcp:|^https?:/.test(env.DOCKER_HOST)) return { available: true, detail: `DOCKER_HOST=${env.DOCKER_HOST}` };
  for (const socketPath of socketCandidates(env)) {
    if (!existsSync(socketPath)) continue;
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get({ socketPath, path: '/_ping', timeout: timeoutMs }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(false));
    });
    if (ok) return { available: true, detail: socketPath };
    return { available: false, detail: `${socketPath} exists but the engine does not answer` };
  }
  return { available: false, detail: 'no Docker or Podman socket found' };
}
