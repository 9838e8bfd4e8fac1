// `crm-conformance explain <id>` finds, for every check, its definition file, its spec file and the
// faults that prove it; an unknown id is one ConfigError naming near ids.
import { expect, test } from '@playwright/test';
import { ALL_CHECKS } from '../../src/checks/catalog.js';
import { explain } from '../../src/cli/explain.js';
import { ConfigError } from '../../src/config/errors.js';

test('every check is explained with its definition, spec file and proving faults', async () => {
  for (const c of ALL_CHECKS) {
    const text = await explain(c.id);
    expect(text, c.id).toMatch(/definition {3}src\/checks\/\S+\.ts/);
    expect(text, c.id).toContain(`specs/${c.id.split('.').join('/')}.spec.ts`);
    expect(text, c.id).toMatch(/faults {7}[1-9]\d* prove it can fail:/);
  }
});

test('an unknown id is a ConfigError that suggests near ids', async () => {
  await expect(explain('oauth2.refresh.reuse')).rejects.toThrow(ConfigError);
  await expect(explain('oauth2.refresh.reuse')).rejects.toThrow(/did you mean .*oauth2\.refresh\.reuse-rejected/);
});
