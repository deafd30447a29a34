/**
 * `celltwin db start [--dir D] [--port P]`: an embedded PostgreSQL for the sweep queue on one
 * machine (queue/embedded-db.ts). Prints the connection URL for `--queue` and serves until
 * stopped (Ctrl-C, SIGTERM), then shuts the server down; the data stay in the folder, so the
 * same `--dir` starts it again with its results.
 */
import { readArgs } from '../args';
import type { Command } from '../command';
import { InputError } from '../errors';
import { startEmbeddedDb } from '../queue/embedded-db';

export const dbCommand: Command = {
  name: 'db',
  summary: 'start an embedded PostgreSQL for sweeps on a queue (`db start`); prints its postgres:// URL',
  usage:
    'celltwin db start [--dir FOLDER] [--port N]\n' +
    '  --dir   data folder (default: a new folder under the temporary folder); when run as root,\n' +
    '          PostgreSQL runs as the user "postgres", so the folder must be writable by it\n' +
    '  --port  TCP port on 127.0.0.1 (default: a free one)\n' +
    'Serves until Ctrl-C or SIGTERM.',
  async run(argv, io) {
    const { values, positionals } = readArgs('db', argv, { dir: { type: 'string' }, port: { type: 'string' } });
    if (positionals[0] !== 'start') throw new InputError('db', 'expected `celltwin db start`');
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new InputError('--port', `expected a TCP port, got "${values.port}"`);
    const db = await startEmbeddedDb({ ...(values.dir === undefined ? {} : { dir: values.dir }), ...(port === undefined ? {} : { port }) });
    io.out(db.url);
    io.err(`PostgreSQL is serving its data from ${db.dir} on 127.0.0.1:${db.port}; Ctrl-C stops it`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await db.stop();
    return 0;
  },
};
