import { isAlias, isMap, isScalar, isSeq, parse, parseAllDocuments, type Document, type Node, type Scalar } from 'yaml';
import type { SourceFile } from '../core/model/source';

/** What a redacted value reads in a shared link. */
export const REDACTED = '<redacted>';
/** What a password inside a connection URL reads: `postgresql://root:••••@db:5432/app`. */
export const REDACTED_PASSWORD = '••••';

/** The files with their secrets replaced, and how many values were replaced. */
export type RedactionResult = { files: SourceFile[]; count: number };

/** A replacement of `text[start, end)`; edits never overlap once `applyEdits` has them. */
type Edit = { start: number; end: number; text: string };

/** Words of a variable name that mark it as secret; `DB_PASS`, `jwtSecret`, `AWS_ACCESS_KEY_ID`. */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'secrets',
  'token',
  'key',
  'apikey',
  'credential',
  'credentials',
  'private',
  'auth',
  'salt',
]);

/** Whether an environment variable's name says its value is a secret. */
export function looksSecret(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => SECRET_WORDS.has(word));
}

/** `${DB_PASSWORD}` or `$DB_PASSWORD`: a reference to a secret kept elsewhere, not a secret. */
const VARIABLE_REFERENCE = /^\$(\{[^}]*\}|[A-Za-z_]\w*)$/;

/** `scheme://user:password@`: the password is group 2. Quotes end it so a quoted scalar keeps its quotes. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/"'?#]*:)([^\s@/"']+)@/gi;

/** `.env`, `prod.env`, `.env.local`: dotenv files, read line by line. */
const DOTENV_NAME = /(^|[/.])env$|(^|\/)\.env(\.[\w-]+)?$/i;

/**
 * Replaces the secrets of `files` for a share link, on the text itself so comments and
 * formatting survive: Secret `data`/`stringData` values; env values with secret-looking names
 * (Kubernetes `env` lists, Compose `environment` maps and lists, `.env` files); passwords inside
 * connection URLs anywhere (comments too). References such as `${DB_PASSWORD}` are kept.
 */
export function redactSecrets(files: readonly SourceFile[]): RedactionResult {
  let count = 0;
  const redacted = files.map((file) => {
    const edits = DOTENV_NAME.test(file.name) ? dotenvEdits(file.text) : yamlEdits(file.text);
    const all = withUrlPasswords(file.text, edits);
    count += all.length;
    return all.length ? { name: file.name, text: applyEdits(file.text, all) } : { ...file };
  });
  return { files: redacted, count };
}

/** How many values `redactSecrets` would replace. */
export function secretCount(files: readonly SourceFile[]): number {
  return redactSecrets(files).count;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** Adds the URL passwords that lie outside the whole values already replaced; sorted by place. */
function withUrlPasswords(text: string, edits: Edit[]): Edit[] {
  const inside = (offset: number) => edits.some((e) => offset >= e.start && offset < e.end);
  const found: Edit[] = [];
  for (const match of text.matchAll(URL_PASSWORD)) {
    const password = match[2]!;
    if (password === REDACTED_PASSWORD || VARIABLE_REFERENCE.test(password)) continue;
    const start = match.index + match[1]!.length;
    if (inside(start)) continue;
    found.push({ start, end: start + password.length, text: REDACTED_PASSWORD });
  }
  return [...edits, ...found].sort((a, b) => a.start - b.start);
}

// ---- dotenv ----

const DOTENV_LINE = /^([ \t]*(?:export[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*=[ \t]*)(.*?)[ \t]*$/;

function dotenvEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const match = DOTENV_LINE.exec(line.replace(/\r$/, ''));
    if (match && looksSecret(match[2]!) && match[3] && !isReference(match[3])) {
      const start = offset + match[1]!.length;
      edits.push({ start, end: start + match[3].length, text: REDACTED });
    }
    offset += line.length + 1;
  }
  return edits;
}

function isReference(value: string): boolean {
  return VARIABLE_REFERENCE.test(value.replace(/^(["'])(.*)\1$/, '$2'));
}

// ---- YAML ----

function yamlEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false }) as Document.Parsed[];
  } catch {
    return edits; // not YAML at all: only URL passwords are looked for
  }
  if (!Array.isArray(docs)) return edits; // an empty stream
  for (const doc of docs) {
    const root = doc.contents;
    if (isMap(root) && scalarText(root.get('kind', true)) === 'Secret') {
      for (const key of ['data', 'stringData']) {
        const values = root.get(key, true);
        if (isMap(values)) for (const pair of values.items) redactWhole(text, pair.value, edits);
      }
    }
    walk(doc, root, text, edits, 0);
  }
  return edits;
}

const MAX_DEPTH = 100;

/** Looks for `env:` and `environment:` everywhere: pods, templates, CronJobs, Compose services. */
function walk(doc: Document.Parsed, node: unknown, text: string, edits: Edit[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (isSeq(node)) {
    for (const item of node.items) walk(doc, item, text, edits, depth + 1);
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = scalarText(pair.key);
    const value = isAlias(pair.value) ? safeResolve(doc, pair.value) : pair.value;
    if (key === 'env' && isSeq(value)) kubernetesEnv(text, value.items, edits);
    if (key === 'environment') composeEnvironment(text, value, edits);
    walk(doc, pair.value, text, edits, depth + 1);
  }
}

/** `- name: DB_PASSWORD` / `value: hunter2` */
function kubernetesEnv(text: string, items: readonly unknown[], edits: Edit[]): void {
  for (const item of items) {
    if (!isMap(item)) continue;
    const name = scalarText(item.get('name', true));
    if (name && looksSecret(name)) redactWhole(text, item.get('value', true), edits);
  }
}

/** `environment: {POSTGRES_PASSWORD: x}` or `environment: [POSTGRES_PASSWORD=x]` */
function composeEnvironment(text: string, value: unknown, edits: Edit[]): void {
  if (isMap(value)) {
    for (const pair of value.items) {
      const name = scalarText(pair.key);
      if (name && looksSecret(name)) redactWhole(text, pair.value, edits);
    }
    return;
  }
  if (!isSeq(value)) return;
  for (const item of value.items) {
    if (!isScalar(item) || typeof item.value !== 'string' || !item.range) continue;
    const eq = item.value.indexOf('=');
    if (eq <= 0) continue;
    const name = item.value.slice(0, eq).trim();
    const secret = item.value.slice(eq + 1);
    if (!looksSecret(name) || !secret || VARIABLE_REFERENCE.test(secret.trim()) || secret === REDACTED) continue;
    replaceScalar(text, item, `${item.value.slice(0, eq + 1)}${REDACTED}`, edits);
  }
}

function safeResolve(doc: Document.Parsed, alias: Parameters<typeof isAlias>[0]): unknown {
  try {
    return isAlias(alias) ? alias.resolve(doc) : undefined;
  } catch {
    return undefined;
  }
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')
    ? String(node.value)
    : undefined;
}

/** Replaces a whole scalar value (not null, not a reference, not already redacted). */
function redactWhole(text: string, node: unknown, edits: Edit[]): void {
  if (!isScalar(node) || node.value === null || node.value === undefined || node.value === '') return;
  if (typeof node.value === 'string' && (VARIABLE_REFERENCE.test(node.value.trim()) || node.value === REDACTED)) return;
  replaceScalar(text, node, REDACTED, edits);
}

/**
 * Writes `value` where `node`'s value stands, in a form that reads back as the same string: plain
 * when the node was plain and stays a plain string, double-quoted (JSON is valid YAML) otherwise.
 * A block scalar's line breaks after the value are kept.
 */
function replaceScalar(text: string, node: Scalar, value: string, edits: Edit[]): void {
  const range = (node as Node).range;
  if (!range) return;
  const [start, end] = range;
  const source = text.slice(start, end);
  const trailing = /\s*$/.exec(source)?.[0] ?? '';
  const plain = node.type === 'PLAIN' && readsBackAs(value) ? value : JSON.stringify(value);
  edits.push({
    start,
    end,
    text: plain + (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? trailing : ''),
  });
}

function readsBackAs(value: string): boolean {
  if (/[,[\]{}#]|: /.test(value) || value.endsWith(':')) return false;
  try {
    return parse(value) === value;
  } catch {
    return false;
  }
}
