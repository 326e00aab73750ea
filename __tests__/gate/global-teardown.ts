import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { SHARED_CLI } from './helpers';

/** Removes the shared build global-setup.ts made. */
export default function teardown(): void {
  const bin = process.env[SHARED_CLI];
  if (bin && /corroborate-shared-build-/.test(bin)) rmSync(dirname(dirname(bin)), { recursive: true, force: true });
}
