/**
 * Build-time generator of the trimmed Kubernetes schemas in `src/core/kubernetes/schema/data/<version>.json`.
 *
 * Source: the OpenAPI-generated models of `@kubernetes/client-node` (Apache-2.0), one release per
 * Kubernetes minor version. Each model file carries its fields with their JSON names and types
 * (`attributeTypeMap`), its `.d.ts` says which fields are required (no `?`), and the API classes
 * say which group/version serves which kind (the body type of each `create` call).
 *
 *   npm pack @kubernetes/client-node@1.4.0 && tar xzf kubernetes-client-node-1.4.0.tgz
 *   npx tsx src/cli/generateKubeSchemas.ts package 1.34
 *
 * Not run by the app or the tests; the generated files are committed. Only types reachable from
 * a kind are kept; an object's `status` is kept as "anything" (the API server ignores it on create).
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeSchemaData, TypeCode } from '../core/kubernetes/schema/schemaTypes';

type Attribute = { name: string; baseName: string; type: string; format?: string };

function main() {
  const [packageDir, version] = process.argv.slice(2);
  if (!packageDir || !version) throw new Error('usage: generate.ts <client-node package dir> <major.minor>');
  const gen = join(packageDir, 'dist', 'gen');
  const modelDir = existsSync(join(gen, 'models')) ? join(gen, 'models') : join(gen, 'model');
  const apiDir = existsSync(join(gen, 'apis')) ? join(gen, 'apis') : join(gen, 'api');

  const models = new Map<string, { attributes: Attribute[]; required: Set<string> }>();
  for (const file of readdirSync(modelDir)) {
    if (!file.endsWith('.js')) continue;
    const text = readFileSync(join(modelDir, file), 'utf8');
    const className = /class (\w+) \{/.exec(text)?.[1];
    const map = /attributeTypeMap = (\[[\s\S]*?\]);/.exec(text)?.[1];
    if (!className || !map) continue;
    const attributes = JSON.parse(map) as Attribute[];
    const dts = readFileSync(join(modelDir, file.replace(/\.js$/, '.d.ts')), 'utf8');
    const requiredNames = new Set<string>();
    for (const match of dts.matchAll(/^ {4}'([^']+)'(\?)?: /gm)) if (!match[2]) requiredNames.add(match[1]!);
    const required = new Set(attributes.filter((a) => requiredNames.has(a.name)).map((a) => a.baseName));
    models.set(className, { attributes, required });
  }

  // Old API files linger in the package after their group was removed; only exported ones count.
  const exported = [join(gen, 'types', 'PromiseAPI.js'), join(apiDir, 'apis.js')]
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
  const kinds: KubeSchemaData['kinds'] = {};
  for (const file of readdirSync(apiDir)) {
    if (!file.endsWith('Api.js')) continue;
    const className = file.charAt(0).toUpperCase() + file.slice(1, -'.js'.length);
    if (!new RegExp(`(\\b|Promise|Observable)${className}\\b`).test(exported)) continue;
    const text = readFileSync(join(apiDir, file), 'utf8');
    // One chunk per request: its path, its method, and the type of its body.
    for (const chunk of text.split(/localVarPath = /).slice(1)) {
      const path = /'([^']+)'/.exec(chunk)?.[1];
      const body = /ObjectSerializer\.serialize\(body, "(\w+)"/.exec(chunk)?.[1];
      const post = /HttpMethod\.POST|method: 'POST'/.test(chunk.slice(0, 4000));
      if (!path || !body || !post || path.includes('{name}')) continue;
      const groupVersion = /^\/api\/(v1)\//.exec(path)?.[1] ?? /^\/apis\/([^/]+\/[^/]+)\//.exec(path)?.[1];
      if (!groupVersion) continue;
      const kind = body.replace(/^([A-Z][a-z]+)*?V\d+((alpha|beta)\d+)?/, '');
      if (
        !models.has(body) ||
        kind === '' ||
        groupVersion.startsWith('authentication') ||
        groupVersion.startsWith('authorization')
      )
        continue;
      (kinds[groupVersion] ??= {})[kind] = body;
    }
  }

  const types: KubeSchemaData['types'] = {};
  const codeOf = (type: string, format: string | undefined, pending: string[]): TypeCode => {
    const array = /^Array<(.+)>$/.exec(type);
    if (array) return `[]${codeOf(array[1]!, format, pending)}`;
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
    if (map) return `{}${codeOf(map[1]!, format, pending)}`;
    switch (type) {
      case 'string':
      case 'Date':
        return 's';
      case 'number':
        return format === 'double' ? 'n' : 'i';
      case 'boolean':
        return 'b';
      case 'IntOrString':
        return 'x';
      case 'any':
      case 'object':
        return 'a';
    }
    if (!models.has(type)) return 'a';
    pending.push(type);
    return type;
  };
  const pending = Object.values(kinds).flatMap((byKind) => Object.values(byKind));
  const topLevel = new Set(pending);
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (types[name]) continue;
    const model = models.get(name)!;
    const fields: Record<string, TypeCode> = {};
    for (const attribute of model.attributes) {
      fields[attribute.baseName] =
        topLevel.has(name) && attribute.baseName === 'status' ? 'a' : codeOf(attribute.type, attribute.format, pending);
    }
    types[name] = { f: fields, ...(model.required.size > 0 ? { r: [...model.required].sort() } : {}) };
  }
  const data: KubeSchemaData = { version, kinds, types };
  const out = join(import.meta.dirname, '..', 'core', 'kubernetes', 'schema', 'data', `${version}.json`);
  writeFileSync(out, JSON.stringify(data) + '\n');
  console.log(`${out}: ${Object.keys(types).length} types, ${Object.values(kinds).flatMap(Object.keys).length} kinds`);
}

main();
