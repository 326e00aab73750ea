import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCliIn, SHARED_CLI } from './helpers';

/**
 * Builds the CLI once for every e2e test file that runs `node bin/corroborate.js` (gate, crash, concurrency,
 * the dev floor): one tsc run instead of one per file. Test workers start after this and inherit the
 * variable; global-teardown.ts removes the folder.
 */
export default function setup(): void {
  if (process.env[SHARED_CLI]) return;
  process.env[SHARED_CLI] = buildCliIn(mkdtempSync(join(tmpdir(), 'corroborate-shared-build-')));
}
