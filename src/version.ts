import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The package version, read once from package.json beside dist/ and src/. */
export const VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(resolve(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();
