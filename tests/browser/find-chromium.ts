/**
 * Where the browser tests and benchmarks find a Chromium, without root and without downloads
 * (docs/ARCHITECTURE.md, "Tests and benchmarks"):
 * 1. `CHROMIUM_PATH`, when set (it must exist: a wrong path is an error, not a silent fallback);
 * 2. the system's `/usr/bin/chromium`, when installed;
 * 3. the Chromium inside the npm package `@sparticuz/chromium` (x86-64 Linux; it unpacks itself
 *    into the system temp folder on first use, or into a folder of this user's when another
 *    user's copy is there, and renders WebGL2 through SwiftShader).
 */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Chromium. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Which Chromium was chosen, and why. */
export interface ChromiumChoice {
  executablePath: string;
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

/** The places to look, injectable so the order itself can be tested without touching the disk. */
export interface ChromiumLookup {
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  packaged: () => Promise<string>;
}

/**
 * The package unpacks into `<temp>/chromium` (and its libraries beside it) and reuses what it
 * finds there. On a machine where another user unpacked it first, that copy is theirs and not
 * executable for us (EACCES at launch), so this process unpacks into a temp folder of its own.
 * Must run before the package is imported: it reads the temp folder at import.
 */
function ownTempFolderIfTaken(): void {
  const unpacked = join(tmpdir(), 'chromium');
  if (!existsSync(unpacked)) return;
  try {
    accessSync(unpacked, constants.X_OK);
  } catch {
    const own = join(tmpdir(), `celltwin-chromium-${process.getuid?.() ?? 'user'}`);
    mkdirSync(own, { recursive: true, mode: 0o700 });
    process.env['TMPDIR'] = own;
  }
}

const defaultLookup: ChromiumLookup = {
  env: process.env,
  exists: existsSync,
  packaged: async () => {
    ownTempFolderIfTaken();
    const mod = (await import('@sparticuz/chromium')) as unknown as { default: { executablePath: () => Promise<string> } };
    return mod.default.executablePath();
  },
};

/** Finds a Chromium in the order above; throws a message that says what to do when none is found. */
export async function findChromium(lookup: ChromiumLookup = defaultLookup): Promise<ChromiumChoice> {
  const fromEnv = lookup.env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!lookup.exists(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv}: no such file. Unset it to use ${SYSTEM_CHROMIUM} or the npm package @sparticuz/chromium.`);
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
  }
  if (lookup.exists(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: 'system' };
  let packaged: string;
  try {
    packaged = await lookup.packaged();
  } catch (e) {
    throw new Error(
      `No Chromium found: CHROMIUM_PATH is not set, ${SYSTEM_CHROMIUM} is missing and @sparticuz/chromium could not unpack ` +
        `(${e instanceof Error ? e.message : String(e)}). Run npm install (it ships one for x86-64 Linux), set CHROMIUM_PATH, ` +
        `or install Debian's chromium.`,
    );
  }
  return { executablePath: packaged, source: '@sparticuz/chromium' };
}
