/** Human output that a name cannot turn into terminal commands (issue 17); a module of its own, light to load. */

/**
 * Control characters (C0 with line breaks and tab, DEL, C1) and bidirectional overrides, as a terminal would obey
 * them: a file, sheet or cell named with a CR, a line feed or an escape sequence could retitle the terminal, hide
 * text or print a line of its own ("✓ gia-mao.xlsx … hợp lệ").
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };

/** One line of human output with its control characters shown escaped ("\r", "\x1b", "\u202e"); --json keeps them raw. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED_ESCAPES[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/** Several lines of human output: each line escaped, the line breaks between them kept. */
export function escapeControlLines(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}
