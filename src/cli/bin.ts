#!/usr/bin/env node
import { run } from './main';

// The entry of the bundled command (`npm run build:cli` → dist-cli/portolan.mjs): no TypeScript
// is compiled at start-up, so `portolan check` answers in a blink.
void Promise.resolve(
  run(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  ),
).then((code) => {
  process.exitCode = code;
});
