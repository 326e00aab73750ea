import type { Article } from '../types';
import type { Report } from './json';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderSarif } from './sarif';
import { renderJunit } from './junit';
import { renderGithub } from './github';
import { renderHtml } from './html';
import { renderStylish, renderUnix } from './terminal';
import type { FailOn } from './severity';
import type { RuleSet } from '../types';

/** Options a renderer may use: where the report will be written (for relative paths), the corpus root. */
export interface RenderOptions {
  /** Working folder of the run. */
  cwd: string;
  /** Folder the article ids are relative to. */
  root: string;
  /** Articles by id, with their text: the HTML report shows each claim in its sentence. */
  articles?: ReadonlyMap<string, Article>;
  /** The run's `--fail-on`: JUnit marks as failures exactly the findings that fail the run (default `conflict`). */
  failOn?: FailOn;
  /** Colour in terminal formats (decided by the CLI: --color, --no-color, NO_COLOR, FORCE_COLOR, a TTY). */
  color?: boolean;
  /** The rules in force: SARIF describes each rule from its file. */
  rules?: RuleSet;
  /** Agreements in full in the Markdown and HTML reports (`--show agreements`); one line each otherwise. */
  showAgreements?: boolean;
}

/** One line per output format: `--format NAME`. */
export const RENDERERS: Record<string, (report: Report, options: RenderOptions) => string> = {
  stylish: (report, options) => renderStylish(report, options),
  unix: (report, options) => renderUnix(report, options),
  json: (report) => renderJson(report),
  markdown: (report, options) => renderMarkdown(report, { articles: options.articles, showAgreements: options.showAgreements }),
  sarif: (report, options) => renderSarif(report, options),
  junit: (report, options) => renderJunit(report, options),
  github: (report, options) => renderGithub(report, options),
  html: (report, options) => renderHtml(report, { articles: options.articles, showAgreements: options.showAgreements }),
};
