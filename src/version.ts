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

/**
 * Bumped whenever extraction gives other claims for the same article text (an extractor or its language
 * data changed in a way the package version does not say, as between two commits of one release).
 */
export const EXTRACTION_REVISION = 6;

/** The extractor a claims file was made by: package version and extraction revision, "0.1.0+extract.2". */
export const EXTRACTOR_VERSION = `${VERSION}+extract.${EXTRACTION_REVISION}`;
