import { InvalidArgumentError, Option } from 'commander';
import { FAIL_ON_CHOICES, type FailOn } from '../report/severity';
import { RENDERERS } from '../report';
import { loadConfig, type Config } from '../rules/config';
import type { Io } from './inputs';

/**
 * What `check` and `gate` share with ESLint, Vale and markdownlint: `--config`, `--format` with a terminal
 * default, `--fail-on`, `--max-warnings`, `--color` / `--no-color`. Each falls back to the configuration
 * file, then to the default.
 */
export interface LintOptions {
  config?: string;
  format?: string;
  out?: string;
  failOn?: FailOn;
  maxWarnings?: number;
  color?: boolean;
}

/** `--max-warnings N`: a whole number, 0 or more. */
export function nonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('a whole number, 0 or more');
  return Number(value);
}

export const CONFIG_OPTION = ['--config <file>', 'configuration file (default: .corroboraterc.yaml, .yml, .json or a "corroborate" key in package.json, here or in a parent folder)'] as const;

export function formatOption(): Option {
  return new Option('-f, --format <format>', 'report format (default: stylish on a terminal, else markdown)').choices(Object.keys(RENDERERS));
}

export function failOnOption(what: string): Option {
  return new Option('--fail-on <level>', `exit 1 when a finding ${what} is at or above this level: conflict (= error), variant (= warning), or never (default: conflict)`).choices([...FAIL_ON_CHOICES]);
}

/** The configuration of the run (throws a located Failure when it is broken). */
export function configFor(opts: Pick<LintOptions, 'config'>, io: Io): Config {
  return loadConfig({ file: opts.config, cwd: io.cwd }).config;
}

/**
 * Colour on or off, as the linters decide: `--color` / `--no-color` first, then the configuration's
 * `color:`, then NO_COLOR (any non-empty value: off) and FORCE_COLOR (non-empty, not "0": on), then
 * whether standard output is a terminal. Written to a file (`--out`), a report is never coloured.
 */
export function useColor(flag: boolean | undefined, config: Config, io: Io, out: string | undefined): boolean {
  if (out) return false;
  if (flag !== undefined) return flag;
  if (config.color !== undefined) return config.color;
  const env = io.env ?? {};
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return Boolean(io.isTTY);
}

/** `--format`, else the configuration's, else stylish on a terminal and Markdown otherwise (a file, a pipe, CI logs). */
export function formatFor(opts: LintOptions, config: Config, io: Io): string {
  return opts.format ?? config.format ?? (io.isTTY && !opts.out ? 'stylish' : 'markdown');
}

/**
 * The unescaped Io behind the escaping one every command writes through (src/cli/main.ts). Only a
 * coloured terminal report goes there: its renderer escapes every control character of article text and
 * file names itself, so the colour codes it adds are the only ones that reach the terminal.
 */
const RAW = new WeakMap<Io, Io>();

export function rememberRaw(escaped: Io, raw: Io): Io {
  RAW.set(escaped, raw);
  return escaped;
}

/** Where a report goes: the raw Io when it is coloured, else the escaping one. */
export function ioFor(io: Io, color: boolean): Io {
  return color ? (RAW.get(io) ?? io) : io;
}
