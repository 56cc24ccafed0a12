/**
 * The command line, read strictly: an unknown option is an error that names it (exit 2),
 * never a silent swallow of the next argument; `-` is standard input; each command has --help.
 */

import { DEFAULT_KUBE_VERSION, KUBE_VERSIONS } from '../core/kubernetes/schema/versions';

export type Command = 'check' | 'graph' | 'trace' | 'render';
export const COMMANDS: readonly Command[] = ['check', 'graph', 'trace', 'render'];

type OptionSpec = { takes?: string; commands: readonly Command[]; help: string };

const ANALYSE: readonly Command[] = ['check', 'graph', 'trace', 'render'];
const COMPOSE: readonly Command[] = ['check', 'graph', 'trace', 'render'];

/** Every option, with the commands that take it. `output` is spelled `-o`. */
export const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  'kube-version': {
    takes: 'X.Y',
    commands: ANALYSE,
    help: `the Kubernetes version that checks the files (${KUBE_VERSIONS.join(', ')}; default ${DEFAULT_KUBE_VERSION})`,
  },
  nodes: {
    takes: 'N',
    commands: ['graph', 'trace', 'render', 'check'],
    help: 'simulated worker nodes (1–20, default 3)',
  },
  profile: { takes: 'NAME[,NAME]', commands: COMPOSE, help: 'Compose profiles to activate' },
  var: { takes: 'KEY=VALUE[,KEY=VALUE]', commands: COMPOSE, help: 'Compose interpolation variables' },
  url: { takes: 'URL', commands: ['trace'], help: 'the request to follow (required)' },
  from: { takes: 'NAME', commands: ['trace', 'render'], help: 'send it from the pod of workload NAME' },
  request: { takes: 'I', commands: ['trace'], help: 'which of several load-balanced requests (0, 1, …)' },
  'client-ip': { takes: 'IP', commands: ['trace'], help: 'the client address NetworkPolicies see' },
  method: { takes: 'M', commands: ['trace'], help: 'the HTTP method (default GET)' },
  header: { takes: 'NAME:VALUE', commands: ['trace'], help: 'a request header' },
  output: {
    takes: 'FILE',
    commands: ['render'],
    help: 'write the picture to FILE (-o FILE), as its extension says: .svg, .png (2×), .html, .mmd; an SVG on stdout without it',
  },
  trace: { takes: 'URL', commands: ['render'], help: 'animate the trace of URL' },
  theme: { takes: 'light|dark', commands: ['render'], help: 'colours of the picture' },
  help: { commands: ANALYSE, help: 'this text' },
};

const SUMMARY: Record<Command, string> = {
  check: 'diagnostics as JSON; exit 1 when any is an error',
  graph: 'the topology as JSON',
  trace: 'a request followed hop by hop, as JSON; exit 0 when a trace was printed (see "ok")',
  render: 'the cluster picture as a standalone SVG (stdout without -o)',
};

export type CommandLine =
  | { kind: 'run'; command: Command; files: string[]; options: Map<string, string> }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

/** The usage of one command: what it does, FILE arguments, and its options. */
export function commandHelp(command: Command): string {
  const lines = Object.entries(OPTIONS)
    .filter(([, spec]) => spec.commands.includes(command))
    .map(([name, spec]) => {
      const flag = name === 'output' ? `-o ${spec.takes}` : `--${name}${spec.takes ? ` ${spec.takes}` : ''}`;
      return `  ${flag.padEnd(30)}${spec.help}`;
    });
  return (
    `usage: portolan ${command} FILE... [options]\n\n${SUMMARY[command]}.\n` +
    'FILE may be - (standard input); several files form one workspace. Exit 2 on a usage or file error.\n\n' +
    `options:\n${lines.join('\n')}\n`
  );
}

/** The usage of the whole tool. */
export function usage(): string {
  return (
    'usage: portolan <command> FILE... [options]\n\ncommands:\n' +
    COMMANDS.map((c) => `  ${c.padEnd(8)}${SUMMARY[c]}`).join('\n') +
    '\n\nportolan <command> --help lists the options of a command.\n'
  );
}

/** Reads argv (without `node main.ts`) into a command, its files and its options, or an error. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [first = '', ...rest] = argv;
  if (first === '' || first === '--help' || first === '-h' || first === 'help') return { kind: 'help', text: usage() };
  if (!(COMMANDS as readonly string[]).includes(first)) {
    return { kind: 'error', message: `unknown command ${quote(first)}; commands: ${COMMANDS.join(', ')}` };
  }
  const command = first as Command;
  const files: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      files.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (arg === '-h') return { kind: 'help', text: commandHelp(command) };
    const eq = arg.indexOf('=');
    const name = arg === '-o' ? 'output' : arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : undefined;
    const spec = name !== undefined && name !== '' && Object.hasOwn(OPTIONS, name) ? OPTIONS[name] : undefined;
    const shown = eq === -1 ? arg : arg.slice(0, eq);
    if (!spec || !name) {
      return {
        kind: 'error',
        message: `unknown option ${quote(shown)} (portolan ${command} --help lists the options)`,
      };
    }
    if (!spec.commands.includes(command)) {
      return { kind: 'error', message: `${shown} is not an option of ${command} (portolan ${command} --help)` };
    }
    if (name === 'help') return { kind: 'help', text: commandHelp(command) };
    if (!spec.takes) {
      options.set(name, 'true');
      continue;
    }
    let value: string | undefined;
    if (eq !== -1 && arg.startsWith('--')) value = arg.slice(eq + 1);
    else {
      value = rest[i + 1];
      // A value never looks like an option: `--url --from x` lacks the URL.
      if (value === undefined || (value.startsWith('-') && value !== '-')) {
        return { kind: 'error', message: `${shown} needs a value: ${shown} ${spec.takes}` };
      }
      i++;
    }
    options.set(name, value);
  }
  if (files.length === 0)
    return { kind: 'error', message: `${command} needs at least one FILE (or - for standard input)` };
  return { kind: 'run', command, files, options };
}

/** Text quoted for a message, its control characters made visible. */
function quote(text: string): string {
  return `"${escapeControls(text)}"`;
}

/**
 * Makes control characters visible (`\u001b`), so a name in a file cannot drive the terminal
 * (move the cursor, set the title, reorder text). Newlines and tabs are kept; the escapes are
 * JSON's, so JSON output stays JSON.
 */
export function escapeControls(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
