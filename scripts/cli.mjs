#!/usr/bin/env node
// Runs a command of src/cli/ as compiled JavaScript: `node scripts/cli.mjs <command> [args…]`, which is what
// `npm run import|export|seed|migrate|keys|schema|…` call. Starting from dist/ takes about a second where
// ts-node took several; dist/ is rebuilt first (incrementally) whenever src/, migrations/ or seeds/ changed,
// so an edit is never run stale. Any src/cli/<name>.ts that calls runCli is a command: a new one needs only
// its package.json script.
//
// Exit codes as src/cli/run-cli.ts's EXIT: the command's own; 2 for an unknown command; 1 when the code does
// not compile (the compiler's messages on stderr) or dist/ lacks the command after a build.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BuildError, ensureBuilt, EXIT, root } from './build.mjs';

/** The commands: src/cli/*.ts files that run themselves with runCli (not its helpers). */
function commands() {
  const dir = path.join(root, 'src', 'cli');
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && /\brunCli\(/.test(fs.readFileSync(path.join(dir, file), 'utf8')))
    .map((file) => file.slice(0, -3))
    .sort();
}

function fail(message, code) {
  process.stderr.write(`error: ${message}\n`);
  process.exitCode = code;
}

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name) || !commands().includes(name)) {
  fail(
    `${name ? `unknown command "${name}"` : 'no command given'}: use one of ${commands().join(', ')}\nUsage: node scripts/cli.mjs <command> [args…]`,
    EXIT.USAGE,
  );
} else {
  let ready = false;
  try {
    ensureBuilt();
    ready = true;
  } catch (error) {
    fail(error instanceof BuildError ? error.message : `building dist/: ${error.message}`, EXIT.FAILURE);
  }
  const compiled = path.join(root, 'dist', 'src', 'cli', `${name}.js`);
  if (ready && !fs.existsSync(compiled)) {
    fail(`${path.relative(process.cwd(), compiled)} is missing after the build; remove dist/ and run again`, EXIT.FAILURE);
  } else if (ready) {
    // The command reads its arguments from process.argv.slice(2), as when run directly.
    process.argv.splice(2, 1);
    process.setSourceMapsEnabled(true);
    await import(pathToFileURL(compiled).href);
  }
}
