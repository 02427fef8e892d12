/**
 * Making untrusted text (file names, commands) safe to print: control characters (newline, tab, ESC)
 * are shown escaped so a file name cannot fake extra lines, move the cursor, or start a line with a
 * `::workflow-command::`.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function displayPath(p: string): string {
  return CONTROL.test(p) ? JSON.stringify(p) : p;
}

export function displayCommand(argv: readonly string[]): string {
  return argv.map((a) => (CONTROL.test(a) ? JSON.stringify(a) : /[\s'"\\$`]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a)).join(' ');
}
