#!/usr/bin/env node
// Entry point: TypeScript sources run through tsx's loader (no build step to go stale).
import { register } from 'tsx/esm/api';

register();
// `crm-conformance checks | head`: a closed pipe ends the listing, not with a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
