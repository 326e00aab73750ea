import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRules } from '../../src/rules/loader';

/** A temporary rules folder holding these files (name -> YAML text). */
export function rulesDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-rules-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Loads `my-rule.yaml` with this text and expects its first problem at line and column, with this message. */
export function expectRuleProblem(text: string, line: number, column: number, message: RegExp): void {
  const dir = rulesDir({ 'my-rule.yaml': text });
  const r = loadRules([dir], { cwd: dir });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error[0]).toMatchObject({ file: 'my-rule.yaml', line, column });
  expect(r.error[0].message).toMatch(message);
}
