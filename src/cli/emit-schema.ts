import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/paths';
import { printSdl } from '../graphql/schema';

/** Writes schema/schema.graphql from the code. */
async function main(): Promise<void> {
  const file = path.join(projectRoot, 'schema', 'schema.graphql');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await printSdl());
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
