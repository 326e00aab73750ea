import type { Article } from '../types';
import type { Report } from './json';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderSarif } from './sarif';
import { renderJunit } from './junit';
import { renderGithub } from './github';
import { renderHtml } from './html';

/** Options a renderer may use: where the report will be written (for relative paths), the corpus root. */
export interface RenderOptions {
  /** Working folder of the run. */
  cwd: string;
  /** Folder the article ids are relative to. */
  root: string;
  /** Articles by id, with their text: the HTML report shows each claim in its sentence. */
  articles?: ReadonlyMap<string, Article>;
}

/** One line per output format: `--format NAME`. */
export const RENDERERS: Record<string, (report: Report, options: RenderOptions) => string> = {
  json: (report) => renderJson(report),
  markdown: (report) => renderMarkdown(report),
  sarif: (report, options) => renderSarif(report, options),
  junit: (report, options) => renderJunit(report, options),
  github: (report, options) => renderGithub(report, options),
  html: (report, options) => renderHtml(report, { articles: options.articles }),
};
