import type { PathSegment } from '../parse/parseFile';
import type { Located, Origin } from './project';

/**
 * The merge rules of the Compose Specification (13-merge.md), for one field of a service
 * overridden by a later file (or by the service that `extends` it).
 */

/** Sequences whose items are appended (without duplicates) rather than replaced. */
const APPENDED = new Set([
  'ports',
  'expose',
  'external_links',
  'dns',
  'dns_search',
  'dns_opt',
  'tmpfs',
  'cap_add',
  'cap_drop',
  'security_opt',
  'profiles',
  'links',
  'env_file',
  'devices',
  'volumes',
  'secrets',
  'configs',
  'volumes_from',
  'group_add',
]);

/** Fields written as a list or a mapping; merged key by key once both are mappings. */
const LIST_OR_MAP = new Set([
  'environment',
  'labels',
  'depends_on',
  'networks',
  'extra_hosts',
  'sysctls',
  'annotations',
]);

/** A `list or dict` field as a mapping, remembering the path of each entry. */
export function listOrMapEntries(field: string, value: unknown): [string, unknown, PathSegment][] {
  if (Array.isArray(value)) {
    return value.map((item, index): [string, unknown, PathSegment] => {
      const text = String(item);
      if (field === 'depends_on') return [text, { condition: 'service_started', required: true }, index];
      if (field === 'networks') return [text, null, index];
      const sep = field === 'extra_hosts' ? text.search(/[=:]/) : text.indexOf('=');
      return sep === -1 ? [text, null, index] : [text.slice(0, sep), text.slice(sep + 1), index];
    });
  }
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([k, v]): [string, unknown, PathSegment] => [k, v, k]);
  }
  return [];
}

function sameItem(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A target-keyed sequence (volumes, secrets, configs, devices): a later item with the same target replaces. */
function itemTarget(field: string, item: unknown): string {
  if (field === 'volumes' || field === 'devices') {
    if (typeof item === 'string') return item.split(':')[1] ?? item;
    if (item && typeof item === 'object')
      return String((item as Record<string, unknown>).target ?? JSON.stringify(item));
  }
  if ((field === 'secrets' || field === 'configs') && item && typeof item === 'object') {
    const record = item as Record<string, unknown>;
    return String(record.target ?? record.source);
  }
  return JSON.stringify(item);
}

/** Merges one field of `over` (from `origin`) into `into`. */
function mergeField(into: Located, field: string, value: unknown, origin: Origin): void {
  const fieldOrigin: Origin = { doc: origin.doc, path: [...origin.path, field] };
  const current = into.value[field];
  if (APPENDED.has(field) && Array.isArray(value)) {
    const list = Array.isArray(current) ? [...current] : [];
    value.forEach((item, index) => {
      const target = itemTarget(field, item);
      const existing = list.findIndex(
        (old) => sameItem(old, item) || (target !== JSON.stringify(item) && itemTarget(field, old) === target),
      );
      const at = existing === -1 ? list.length : existing;
      list[at] = item;
      into.entries.set(`${field}/${at}`, { doc: origin.doc, path: [...fieldOrigin.path, index] });
    });
    into.value[field] = list;
    into.fields.set(field, fieldOrigin);
    return;
  }
  if (LIST_OR_MAP.has(field)) {
    const map: Record<string, unknown> = {};
    for (const [k, v] of listOrMapEntries(field, current)) map[k] = v;
    for (const [k, v, at] of listOrMapEntries(field, value)) {
      map[k] = v;
      into.entries.set(`${field}/${k}`, { doc: origin.doc, path: [...fieldOrigin.path, at] });
    }
    into.value[field] = map;
    into.fields.set(field, fieldOrigin);
    return;
  }
  if (isMapping(current) && isMapping(value) && field !== 'command' && field !== 'entrypoint') {
    into.value[field] = deepMerge(current, value);
  } else {
    into.value[field] = value;
  }
  into.fields.set(field, fieldOrigin);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Mappings merge key by key; anything else is replaced (healthcheck.test, build.args lists, …). */
function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isMapping(out[k]) && isMapping(v) ? deepMerge(out[k], v) : v;
  return out;
}

/** Merges a whole mapping (a service or a top-level network) into a located one. */
export function mergeInto(into: Located, value: Record<string, unknown>, origin: Origin): void {
  for (const [field, item] of Object.entries(value)) mergeField(into, field, item, origin);
}

/** A fresh located thing declared at `origin`. */
export function newLocated(name: string, origin: Origin): Located {
  return { name, value: {}, origin, fields: new Map(), entries: new Map() };
}
