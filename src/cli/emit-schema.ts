import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/paths';
import { printSdl } from '../graphql/schema';
import { EXIT, runCli } from './run-cli';

const USAGE = `Usage: npm run schema

Writes schema/schema.graphql from the code (a test fails when it is stale).`;

runCli({
  usage: USAGE,
  options: {},
  async run() {
    const file = path.join(projectRoot, 'schema', 'schema.graphql');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await printSdl());
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
    return EXIT.OK;
  },
});
