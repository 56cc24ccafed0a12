/**
 * Compose variable interpolation (12-interpolation.md): `${VAR}`, `$VAR`, `${VAR:-default}`,
 * `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}` and `$$`.
 * Defaults may nest (`${A:-${B}}`). Pure: problems come back as data, never thrown.
 */

export type InterpolationProblem =
  | { kind: 'unset'; name: string }
  | { kind: 'required'; name: string; message: string }
  | { kind: 'syntax'; text: string };

export type Interpolated = { value: string; problems: InterpolationProblem[] };

export type Variables = ReadonlyMap<string, string>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Finds the `}` that closes a `${` opened just before `start`, skipping nested `${…}`. */
function closingBrace(text: string, start: number): number {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Interpolates one string with the given variables. */
export function interpolateString(text: string, vars: Variables): Interpolated {
  const problems: InterpolationProblem[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    if (next === '{') {
      const end = closingBrace(text, i + 2);
      if (end === -1) {
        problems.push({ kind: 'syntax', text: text.slice(i) });
        out += text.slice(i);
        break;
      }
      out += expand(text.slice(i + 2, end), vars, problems);
      i = end;
      continue;
    }
    const name = NAME.exec(text.slice(i + 1))?.[0];
    if (name) {
      const value = vars.get(name);
      if (value === undefined) problems.push({ kind: 'unset', name });
      out += value ?? '';
      i += name.length;
      continue;
    }
    // A lone `$` (e.g. `$ ` or at the end) stays as written.
    out += ch;
  }
  return { value: out, problems };
}

function expand(body: string, vars: Variables, problems: InterpolationProblem[]): string {
  const name = NAME.exec(body)?.[0];
  if (!name) {
    problems.push({ kind: 'syntax', text: `\${${body}}` });
    return '';
  }
  const rest = body.slice(name.length);
  const value = vars.get(name);
  if (rest === '') {
    if (value === undefined) problems.push({ kind: 'unset', name });
    return value ?? '';
  }
  const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest)?.[0];
  if (!op) {
    problems.push({ kind: 'syntax', text: `\${${body}}` });
    return '';
  }
  const arg = rest.slice(op.length);
  const emptyCounts = op.startsWith(':');
  const missing = value === undefined || (emptyCounts && value === '');
  const nested = () => {
    const inner = interpolateString(arg, vars);
    problems.push(...inner.problems);
    return inner.value;
  };
  switch (op) {
    case ':-':
    case '-':
      return missing ? nested() : value!;
    case ':?':
    case '?':
      if (missing) {
        problems.push({ kind: 'required', name, message: nested() || `${name} is required` });
        return '';
      }
      return value!;
    default:
      return missing ? '' : nested();
  }
}

/** Interpolates every string in a plain YAML value, calling `report` with each string's path. */
export function interpolateValue(
  value: unknown,
  vars: Variables,
  report: (path: (string | number)[], problem: InterpolationProblem) => void,
  path: (string | number)[] = [],
): unknown {
  if (typeof value === 'string') {
    if (!value.includes('$')) return value;
    const result = interpolateString(value, vars);
    for (const problem of result.problems) report(path, problem);
    return result.value;
  }
  if (Array.isArray(value)) return value.map((item, i) => interpolateValue(item, vars, report, [...path, i]));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // `x-` extension fields are not interpolated by Compose unless used through anchors.
      out[key] =
        path.length === 0 && key.startsWith('x-') ? item : interpolateValue(item, vars, report, [...path, key]);
    }
    return out;
  }
  return value;
}
