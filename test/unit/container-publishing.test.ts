// Where the container target publishes SuiteCRM's port and how the harness reaches it: an engine on
// this machine publishes on 127.0.0.1 only and is reached there, even where Testcontainers would
// answer the bridge gateway (/.dockerenv in a sandbox running its own dockerd); a remote engine or an
// explicit host override keeps Testcontainers' answer.
import { expect, test } from '@playwright/test';
import { publishing } from '../../src/container/suitecrm-container.js';

test('a local engine: loopback only, reached at 127.0.0.1 whatever Testcontainers resolves', () => {
  for (const env of [{}, { DOCKER_HOST: 'unix:///var/run/docker.sock' }]) {
    const p = publishing(env);
    expect(p.loopbackOnly).toBe(true);
    expect(p.host('172.17.0.1')).toBe('127.0.0.1');
    expect(p.host('localhost')).toBe('127.0.0.1');
  }
});

test('a remote engine or a host override: every interface, reached where Testcontainers says', () => {
  for (const env of [{ DOCKER_HOST: 'tcp://docker:2375' }, { DOCKER_HOST: 'ssh://ci@builder' }, { TESTCONTAINERS_HOST_OVERRIDE: 'host.docker.internal' }]) {
    const p = publishing(env);
    expect(p.loopbackOnly).toBe(false);
    expect(p.host('docker')).toBe('docker');
    expect(p.host('localhost')).toBe('127.0.0.1');
  }
});
