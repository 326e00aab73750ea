/**
 * Control characters shown as escapes. Article text and file names come from strangers; written raw to
 * a terminal, `ESC c` resets it, `ESC ( 0` switches it to line-drawing glyphs, a DCS or OSC sequence
 * can set the window title or worse, and a lone CR rewrites the line already shown ("passed" printed over
 * "failed"). Tab and line feed are kept (a CR only before a line feed); every other C0 control, DEL and
 * the C1 controls become `\u001b`-style escapes, which is also what JSON would write, so JSON output stays
 * JSON and means the same.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/g;

export function escapeControls(s: string): string {
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** True when `s` holds a character `escapeControls` would change. */
export function hasControls(s: string): boolean {
  CONTROL.lastIndex = 0;
  const found = CONTROL.test(s);
  CONTROL.lastIndex = 0;
  return found;
}

/**
 * Text for one line of a comment (a YAML `#` comment): control characters and every line break (LF, CR,
 * NEL, U+2028, U+2029) as escapes. An article named "a.md\nformat: other" must not end the comment and
 * start a key in the claims file written for it.
 */
export function oneLine(s: string): string {
  return escapeControls(s).replace(/[\n\r\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
