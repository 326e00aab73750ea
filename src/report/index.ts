import type { Report } from './json';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';

/** Options a renderer may use: where the report will be written (for relative paths), the corpus root. */
export interface RenderOptions {
  /** Working folder of the run. */
  cwd: string;
  /** Folder the article ids are relative to. */
  root: string;
}

/** One line per output format: `--format NAME`. */
export const RENDERERS: Record<string, (report: Report, options: RenderOptions) => string> = {
  json: (report) => renderJson(report),
  markdown: (report) => renderMarkdown(report),
};
