/**
 * Reads a `.env` file the way Compose does (KEY=VALUE lines, `#` comments, optional `export `,
 * single quotes literal, double quotes with `\n` escapes, inline ` #` comments on unquoted values).
 */
export function parseDotenv(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!match) continue;
    const key = match[1]!;
    let value = match[2] ?? '';
    if (value.startsWith("'")) {
      const end = value.indexOf("'", 1);
      value = end === -1 ? value.slice(1) : value.slice(1, end);
    } else if (value.startsWith('"')) {
      const end = value.indexOf('"', 1);
      value = (end === -1 ? value.slice(1) : value.slice(1, end)).replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    vars.set(key, value);
  }
  return vars;
}

/** True for a file name that is read as a dotenv file (`.env`, `prod.env`, `.env.local`). */
export function isDotenvFile(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return base === '.env' || base.endsWith('.env') || base.startsWith('.env.');
}
