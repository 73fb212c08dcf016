import 'reflect-metadata';
import { TableNotFoundException } from '@mikro-orm/core';
import { loadConfig } from '../config/config';
import { migrate, openDatabase } from '../database/database';
import { AppError } from '../errors/app-error';
import type { ApiKey } from '../modules/access/api-key.entity';
import { keyPrefix } from '../modules/access/api-key-format';
import { checkKeyInput, createApiKey, listApiKeys, revokeApiKey } from '../modules/access/api-key.service';
import { ROLES } from '../modules/access/role';
import { DEFAULT_VERIFIED_KEY_TTL_MS } from '../modules/access/verified-key-cache';
import { textTable } from './text-table';
import { EXIT, runCli, UsageError, type ParsedArgs } from './run-cli';

const TTL_S = DEFAULT_VERIFIED_KEY_TTL_MS / 1000;

const USAGE = `Usage: npm run keys -- <command> [options]

  create --role ${ROLES.join('|')} --name "<who>"
                 create a key and print it, once (it is stored only as a hash)
  list           every key: id, name, role, created, last used, revoked (never a hash)
  revoke <id>    revoke a key for good (its id, or its prefix tg_<id>)

Send a key as "Authorization: Bearer <key>". A revocation takes effect within ${TTL_S} s on running servers.
Uses DATABASE_URL when set, else the embedded database in TRADEGRAPH_DATA_DIR.
An unknown role or a bad name is a wrong command line (exit 2); an unknown key id is invalid input (exit 3).`;

const OPTIONS = { role: { type: 'string' }, name: { type: 'string' } } as const;

type Command = { command: 'create'; name: string; role: string } | { command: 'list' } | { command: 'revoke'; id: string };

/** The command a parsed command line asks for; a UsageError when it is not one. */
function keysCommand({ values, positionals }: ParsedArgs<typeof OPTIONS>): Command {
  const [command, ...rest] = positionals;
  if (command === 'create') {
    if (rest.length) throw new UsageError(`create takes no positional arguments (got "${rest.join(' ')}"): quote the --name.`);
    if (values.role === undefined || values.name === undefined) throw new UsageError('create needs --role and --name.');
    try {
      checkKeyInput(values.name, values.role);
    } catch (error) {
      throw error instanceof AppError ? new UsageError(error.message) : error;
    }
    return { command, name: values.name, role: values.role };
  }
  if (values.role !== undefined || values.name !== undefined) throw new UsageError('--role and --name belong to create.');
  if (command === 'list' && rest.length === 0) return { command };
  if (command === 'revoke' && rest.length === 1) return { command, id: rest[0] };
  if (command === 'revoke') throw new UsageError('revoke takes exactly one key id.');
  if (command === 'list') throw new UsageError('list takes no arguments.');
  throw new UsageError(command ? `Unknown command "${command}".` : 'Give a command: create, list or revoke.');
}

const date = (value: Date | null | undefined) => (value ? value.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

/** The key list as aligned columns; never a hash or salt. */
function formatKeyTable(keys: ApiKey[]): string {
  const rows = [
    ['id', 'name', 'role', 'created', 'last used', 'revoked'],
    ...keys.map((k) => [keyPrefix(k.id), k.name, k.role, date(k.createdAt), date(k.lastUsedAt), date(k.revokedAt)]),
  ];
  return textTable(rows);
}

runCli({
  usage: USAGE,
  options: OPTIONS,
  positionals: { min: 0, max: Infinity, names: '<command> [<id>]' },
  async run(args) {
    const parsed = keysCommand(args);
    const config = loadConfig();
    const db = await openDatabase(config.database);
    try {
      // The embedded database is migrated on use, as the server does; a server only by `npm run migrate`.
      if (config.migrateOnStart) await migrate(db.orm);
      const em = db.orm.em.fork();
      if (parsed.command === 'create') {
        const { key, record } = await createApiKey(em, parsed);
        console.error(`Created ${keyPrefix(record.id)} for "${record.name}" with the ${record.role} role.`);
        console.error('This is the only time the key is shown: store it now (it is kept only as a hash).');
        console.log(key); // alone on stdout, so that KEY=$(npm run -s keys -- create …) works
      } else if (parsed.command === 'list') {
        const keys = await listApiKeys(em);
        console.log(keys.length ? formatKeyTable(keys) : 'No API keys yet: create one with `npm run keys -- create --role … --name …`.');
      } else {
        const record = await revokeApiKey(em, parsed.id);
        console.log(
          `Revoked ${keyPrefix(record.id)} ("${record.name}", ${record.role}) at ${date(record.revokedAt)}; running servers refuse it within ${TTL_S} s.`,
        );
      }
      return EXIT.OK;
    } catch (error) {
      // The one AppError left once the command line is checked: no key has the id given (exit 3).
      if (error instanceof AppError) {
        console.error(`error [${error.code}]: ${error.message}`);
        return EXIT.INVALID_INPUT;
      }
      if (error instanceof TableNotFoundException) {
        console.error('The database has no api_key table yet: run `npm run migrate` first.');
        return EXIT.FAILURE;
      }
      throw error;
    } finally {
      await db.close();
    }
  },
});
