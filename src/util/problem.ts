import type { Problem } from '../types';

/** A located problem as every command prints it: `file:line:column: message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

/** Several problems, one per line. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

/**
 * A mistake in the input, already explained: every command prints the message and exits 2. Thrown with
 * located problems ("corpus.yaml:3:5: unknown key ...") or, where nothing has a place, a sentence.
 */
export class Failure extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[] | string) {
    super(typeof problems === 'string' ? problems : formatProblems(problems));
    this.problems = typeof problems === 'string' ? [] : problems;
  }
}
