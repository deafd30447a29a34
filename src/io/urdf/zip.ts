/**
 * Reading a .zip of a ROS package safely, in Node and in the page.
 *
 * fflate's `unzipSync` inflates whatever a header claims and grows its buffer past the declared
 * size, so a zip bomb (or a header that lies) can take all memory before we could say no. Here we
 * read the central directory ourselves, refuse the archive at once when its declared total is over
 * the limit, and inflate each entry lazily with fflate's streaming `Inflate`, stopping the moment
 * it produces more than its header declared.
 */
import { Inflate } from 'fflate';
import { UrdfError } from './errors';
import { normalizePath } from './paths';

/** Limits on what a zip may expand to. */
export interface ZipLimits {
  /** Sum of the uncompressed sizes of all entries; default 500 MB. */
  maxTotalBytes?: number;
  /** Number of entries; default 20,000. */
  maxEntries?: number;
}

/** One file in the archive; `read()` inflates it (checked against its declared size). */
export interface ZipEntry {
  path: string;
  size: number;
  read(): Uint8Array;
}

/** The files of a zip by normalised forward-slash path (no directories, no `__MACOSX/`). */
export interface ZipArchive {
  name: string;
  entries: Map<string, ZipEntry>;
  totalBytes: number;
}

export const DEFAULT_ZIP_LIMITS = { maxTotalBytes: 500 * 1024 * 1024, maxEntries: 20_000 } as const;

const MB = 1024 * 1024;

/** True when `data` starts like a zip file (local header or empty-archive signature). */
export function looksLikeZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5);
}

/**
 * Opens a zip held in memory. Throws a UrdfError naming `name` when it is not a zip, is
 * encrypted, uses an unknown compression, or would expand past the limits.
 */
export function readZip(data: Uint8Array, name: string, limits: ZipLimits = {}): ZipArchive {
  try {
    return readDirectory(data, name, limits);
  } catch (e) {
    if (e instanceof UrdfError) throw e;
    // A field that points past the end of the data (DataView's RangeError) and anything else a
    // hostile archive provokes is one located message, not an internal fault.
    throw new UrdfError(name, `not a readable zip file: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function readDirectory(data: Uint8Array, name: string, limits: ZipLimits): ZipArchive {
  const maxTotal = limits.maxTotalBytes ?? DEFAULT_ZIP_LIMITS.maxTotalBytes;
  const maxEntries = limits.maxEntries ?? DEFAULT_ZIP_LIMITS.maxEntries;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const bad = (what: string): never => {
    throw new UrdfError(name, `not a readable zip file: ${what}`);
  };

  // The end-of-central-directory record sits in the last 22 + up to 65535 (comment) bytes.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) bad('no end-of-central-directory record');
  const count = u16(eocd + 10);
  let at = u32(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) bad('ZIP64 archives (over 65,535 files or 4 GB) are not supported');
  if (count > maxEntries) throw new UrdfError(name, `the zip holds ${count} files, more than the limit of ${maxEntries}`);

  const decoder = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  let totalBytes = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(at) !== 0x02014b50) bad('damaged central directory');
    const recordEnd = at + 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
    if (recordEnd > data.length) bad(`central directory entry ${i + 1} runs past the end of the file`);
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressed = u32(at + 20);
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    let local = u32(at + 42);
    const rawName = decoder.decode(data.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extra field (id 1): the 64-bit values replace the ones saturated at 0xffffffff.
    const extraEnd = at + 46 + nameLength + extraLength;
    for (let e = at + 46 + nameLength; e + 4 <= extraEnd; e += 4 + u16(e + 2)) {
      if (u16(e) !== 1) continue;
      let f = e + 4;
      const fieldEnd = Math.min(extraEnd, f + u16(e + 2));
      const next = (): number => {
        if (f + 8 > fieldEnd) bad(`the ZIP64 extra field of "${rawName}" is cut short`);
        const v = u32(f) + u32(f + 4) * 2 ** 32;
        f += 8;
        return v;
      };
      if (size === 0xffffffff) size = next();
      if (compressed === 0xffffffff) compressed = next();
      if (local === 0xffffffff) local = next();
    }
    at += 46 + nameLength + extraLength + u16(at + 32);

    const path = normalizePath(rawName).replace(/^(?:\.\.\/)+|^\//, '');
    if (rawName.endsWith('/') || path.startsWith('__MACOSX/') || path === '.') continue;
    if (flags & 1) throw new UrdfError(name, `"${rawName}" is encrypted; encrypted zips are not supported`);
    if (method !== 0 && method !== 8) throw new UrdfError(name, `"${rawName}" uses compression method ${method}; only stored and deflate are supported`);
    totalBytes += size;
    if (totalBytes > maxTotal) {
      throw new UrdfError(name, `the zip expands to more than ${Math.round(maxTotal / MB)} MB; refused (limit ${Math.round(maxTotal / MB)} MB)`);
    }
    if (local + 30 > data.length || u32(local) !== 0x04034b50) bad(`damaged local header for "${rawName}"`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > data.length) bad(`"${rawName}" is cut short`);
    const body = data.subarray(start, start + compressed);
    entries.set(path, { path, size, read: () => (method === 0 ? body.slice() : inflateEntry(body, size, name, rawName)) });
  }
  return { name, entries, totalBytes };
}

/**
 * Inflates one entry in 16 KB steps, refusing output beyond its declared size. fflate's own
 * errors (bad block type, invalid distance…) come back as a UrdfError naming the entry.
 */
function inflateEntry(body: Uint8Array, size: number, zipName: string, entry: string): Uint8Array {
  try {
    return inflateChecked(body, size, zipName, entry);
  } catch (e) {
    if (e instanceof UrdfError) throw e;
    throw new UrdfError(zipName, `"${entry}" cannot be decompressed: ${e instanceof Error ? e.message : String(e)}; the zip is damaged`);
  }
}

function inflateChecked(body: Uint8Array, size: number, zipName: string, entry: string): Uint8Array {
  // Chunks, not one buffer of the declared size: a header may claim 400 MB for 1 KB of data, and
  // memory should follow what the data really makes (the running total), not what it claims.
  const chunks: Uint8Array[] = [];
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > size) {
      throw new UrdfError(zipName, `"${entry}" expands past its declared size of ${size} bytes; the zip is damaged or hostile`);
    }
    chunks.push(chunk);
    written += chunk.length;
  });
  // Small steps bound what one push can produce (deflate expands at most ~1032:1) before we check.
  const step = 16 * 1024;
  for (let i = 0; i < body.length; i += step) inflater.push(body.subarray(i, i + step), i + step >= body.length);
  if (body.length === 0) inflater.push(new Uint8Array(0), true);
  if (written !== size) throw new UrdfError(zipName, `"${entry}" is shorter than its declared size (${written} of ${size} bytes)`);
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
