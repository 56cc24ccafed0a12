import type { SourceFile, SourceSpan } from '../model/source';
import type { ComposeProxyRoute } from '../model/topology';

/**
 * Reads the reverse-proxy routes of an nginx config: `server { listen; server_name; location {
 * proxy_pass } }` and `upstream` blocks. A small hand-written tokenizer: no kept nginx-config
 * parser on the registry is worth its weight for these few directives, and this one cannot run
 * anything it reads.
 */

type Directive = { name: string; args: string[]; offset: number; children?: Directive[] };

/** Splits nginx config text into words, `;`, `{` and `}`, dropping comments; quotes group words. */
function tokenize(text: string): { token: string; offset: number }[] {
  const tokens: { token: string; offset: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) i++;
    else if (ch === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (ch === ';' || ch === '{' || ch === '}') tokens.push({ token: ch, offset: i++ });
    else if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      const stop = end === -1 ? text.length : end;
      tokens.push({ token: text.slice(i + 1, stop), offset: i });
      i = stop + 1;
    } else {
      const start = i;
      while (i < text.length && !/[\s;{}#]/.test(text[i]!)) i++;
      tokens.push({ token: text.slice(start, i), offset: start });
    }
  }
  return tokens;
}

function parseBlock(
  tokens: { token: string; offset: number }[],
  start: number,
): { directives: Directive[]; next: number } {
  const directives: Directive[] = [];
  let i = start;
  while (i < tokens.length) {
    const first = tokens[i]!;
    if (first.token === '}') return { directives, next: i + 1 };
    const args: string[] = [];
    let j = i + 1;
    while (j < tokens.length && !['{', ';', '}'].includes(tokens[j]!.token)) args.push(tokens[j++]!.token);
    const end = tokens[j]?.token;
    if (end === '{') {
      const inner = parseBlock(tokens, j + 1);
      directives.push({ name: first.token, args, offset: first.offset, children: inner.directives });
      i = inner.next;
    } else {
      directives.push({ name: first.token, args, offset: first.offset });
      i = end === ';' ? j + 1 : j;
    }
  }
  return { directives, next: i };
}

function walk(directives: Directive[], name: string): Directive[] {
  return directives.flatMap((d) => [...(d.name === name ? [d] : []), ...(d.children ? walk(d.children, name) : [])]);
}

/** `80`, `80 default_server`, `[::]:80`, `127.0.0.1:8080`, `443 ssl` → the port. */
function listenPort(args: string[]): number | undefined {
  const first = args[0];
  if (!first) return undefined;
  const match = /(?:^|:)(\d+)$/.exec(first);
  return match ? Number(match[1]) : /^[\w.-]+$/.test(first) && !/^\d/.test(first) ? 80 : undefined;
}

function spanIn(file: SourceFile, offset: number, length: number): SourceSpan {
  const position = (at: number) => {
    const before = file.text.slice(0, at);
    const line = before.split('\n').length;
    return { line, column: at - before.lastIndexOf('\n'), offset: at };
  };
  return { file: file.name, start: position(offset), end: position(offset + length) };
}

/** The routes of an nginx config file (every location with a literal proxy_pass). */
export function readNginxRoutes(file: SourceFile): ComposeProxyRoute[] {
  const tree = parseBlock(tokenize(file.text), 0).directives;
  const upstreams = new Map<string, string>();
  for (const upstream of walk(tree, 'upstream')) {
    const server = upstream.children?.find((d) => d.name === 'server');
    if (upstream.args[0] && server?.args[0]) upstreams.set(upstream.args[0], server.args[0]);
  }
  const routes: ComposeProxyRoute[] = [];
  for (const server of walk(tree, 'server')) {
    if (!server.children) continue; // `server` inside an upstream has no block
    const listen = listenPort(server.children.find((d) => d.name === 'listen')?.args ?? []) ?? 80;
    const serverNames = server.children.filter((d) => d.name === 'server_name').flatMap((d) => d.args);
    for (const location of walk(server.children, 'location')) {
      const pass = location.children?.find((d) => d.name === 'proxy_pass');
      if (!pass?.args[0] || pass.args[0].includes('$')) continue;
      const [modifier, path] =
        location.args.length > 1 ? [location.args[0]!, location.args[1]!] : ['', location.args[0] ?? '/'];
      if (modifier === '~' || modifier === '~*') continue; // regular expressions are not traced
      const url = /^(?:https?|grpc):\/\/([^/:]+)(?::(\d+))?/.exec(pass.args[0]);
      if (!url) continue;
      const upstream = upstreams.get(url[1]!);
      const hostPort = upstream ? /^([^:]+)(?::(\d+))?$/.exec(upstream.replace(/^unix:.*/, '')) : null;
      const host = hostPort ? hostPort[1]! : url[1]!;
      const port = Number((hostPort ? hostPort[2] : url[2]) ?? (pass.args[0].startsWith('https') ? 443 : 80));
      routes.push({
        listen,
        serverNames,
        location: path,
        exact: modifier === '=',
        proxyPass: pass.args[0],
        upstreamHost: host,
        upstreamPort: port,
        span: spanIn(file, pass.offset, pass.name.length + 1 + pass.args[0].length),
      });
    }
  }
  return routes;
}

/** True for a workspace file that looks like an nginx config (`nginx.conf`, `default.conf`, `*.conf`). */
export function isNginxConfigFile(name: string): boolean {
  return /\.conf$/i.test(name);
}

/** Picks the route for a request path on a port: exact match first, then the longest prefix. */
export function matchProxyRoute(
  routes: readonly ComposeProxyRoute[],
  port: number,
  host: string,
  path: string,
): ComposeProxyRoute | undefined {
  const onPort = routes.filter((r) => r.listen === port);
  const named = onPort.filter((r) =>
    r.serverNames.some((n) => n === host || (n.startsWith('*.') && host.endsWith(n.slice(1)))),
  );
  const candidates = named.length > 0 ? named : onPort;
  const exact = candidates.find((r) => r.exact && r.location === path);
  if (exact) return exact;
  return candidates
    .filter((r) => !r.exact && path.startsWith(r.location))
    .sort((a, b) => b.location.length - a.location.length)[0];
}
