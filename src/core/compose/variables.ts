import type { SourceFile } from '../model/source';
import { isDotenvFile, parseDotenv } from './dotenv';
import { isNginxConfigFile } from './nginxConfig';

/** A variable the Compose files interpolate, for the variables panel. */
export type ComposeVariable = {
  name: string;
  /** `${NAME:-x}` / `${NAME-x}`: what it becomes when unset */
  fallback?: string;
  /** `${NAME:?msg}` / `${NAME?msg}`: Compose refuses to start without it */
  required: boolean;
  /** its value from the workspace's `.env` tabs, if any */
  value?: string;
  /** where it is first used */
  file: string;
  line: number;
};

/** Compose reads the profiles to activate from this variable (in the shell or `.env`). */
export const PROFILES_VARIABLE = 'COMPOSE_PROFILES';

// `$$` is a literal dollar; `${NAME…}` and `$NAME` are references (12-interpolation.md).
const REFERENCE =
  /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The variables the workspace's Compose files interpolate, in order of first use, with their
 * fallbacks and their values from `.env` tabs. Reads the text only: comments count too, as a
 * reader of the file would expect to see them listed.
 */
export function composeVariables(files: readonly SourceFile[]): ComposeVariable[] {
  const values = new Map<string, string>();
  for (const file of files) if (isDotenvFile(file.name)) for (const [k, v] of parseDotenv(file.text)) values.set(k, v);
  const found = new Map<string, ComposeVariable>();
  for (const file of files) {
    if (isDotenvFile(file.name) || isNginxConfigFile(file.name) || !/^services\s*:/m.test(file.text)) continue;
    file.text.split(/\r?\n/).forEach((text, index) => {
      if (/^\s*#/.test(text)) return;
      for (const match of references(text)) {
        const name = match[1] ?? match[4];
        if (!name) continue;
        const operator = match[2];
        const known = found.get(name);
        const required = operator === ':?' || operator === '?';
        const fallback = operator === ':-' || operator === '-' ? (match[3] ?? '') : undefined;
        if (known) {
          known.required ||= required;
          if (known.fallback === undefined && fallback !== undefined) known.fallback = fallback;
          continue;
        }
        const value = values.get(name);
        found.set(name, {
          name,
          required,
          ...(fallback !== undefined ? { fallback } : {}),
          ...(value !== undefined ? { value } : {}),
          file: file.name,
          line: index + 1,
        });
      }
    });
  }
  return [...found.values()];
}

/** The references in a text, those nested in a fallback (`${A:-${B}}`) included, in order. */
function references(text: string): RegExpMatchArray[] {
  return [...text.matchAll(REFERENCE)].flatMap((match) => [match, ...(match[3] ? references(match[3]) : [])]);
}

/**
 * Sets `NAME=value` in a `.env` text, keeping every other line as written: the line that sets
 * NAME is replaced, else one is added at the end. `undefined` removes the line.
 */
export function setDotenvValue(text: string, name: string, value: string | undefined): string {
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const at = lines.findIndex((line) => new RegExp(`^\\s*(export\\s+)?${name}\\s*=`).test(line));
  const written = value === undefined ? undefined : `${name}=${quoteDotenv(value)}`;
  if (at === -1) {
    if (written !== undefined) lines.push(written);
  } else if (written === undefined) lines.splice(at, 1);
  else lines[at] = written;
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** A value as a `.env` file must write it to read it back unchanged. */
function quoteDotenv(value: string): string {
  if (/^[^\s'"#\\]*$/.test(value)) return value;
  return `'${value.replace(/'/g, '')}'`;
}

/** The profiles a `COMPOSE_PROFILES` value activates (comma-separated, blanks ignored). */
export function profilesFromVariable(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}
