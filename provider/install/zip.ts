/**
 * The small part of the ZIP format a provider release needs (APPNOTE 6.3): writing an archive of a
 * few regular files (deflated, Unix permissions, one fixed timestamp so that the same inputs give
 * the same bytes) and reading one back with CRC and size checks.
 *
 * Not supported, and refused when reading: ZIP64, encryption, multi-disk archives, compression
 * methods other than stored (0) and deflate (8). Entry names are checked so nothing can be
 * written outside the target directory.
 */
import * as zlib from 'node:zlib';

export interface ZipEntryInput {
  /** Path inside the archive, with forward slashes. */
  readonly name: string;
  readonly data: Buffer;
  /** Unix permission bits, e.g. 0o755 for an executable. */
  readonly mode: number;
}

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
  /** Unix permission bits when the archive recorded them (made on Unix), else undefined. */
  readonly mode: number | undefined;
}

/**
 * Timestamp written into every entry: 2000-01-01 00:00:00 (DOS time has no zone). Fixed so that
 * a release zip is reproducible and `install` can rebuild the identical archive from the binary.
 */
export const ZIP_FIXED_TIME = { year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0 } as const;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const VERSION_NEEDED = 20; // 2.0: deflate
const MADE_BY_UNIX = (3 << 8) | 20;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8 = 0x0800;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const MAX_32 = 0xffffffff;

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, reflected, as ZIP and gzip use it). */
export function crc32(data: Uint8Array, crc = 0): number {
  let table = crcTable;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    crcTable = table;
  }
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = (table[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

function dosTime(): { time: number; date: number } {
  const t = ZIP_FIXED_TIME;
  return {
    time: (t.hour << 11) | (t.minute << 5) | (t.second >> 1),
    date: ((t.year - 1980) << 9) | (t.month << 5) | t.day,
  };
}

/** Rejects names that could escape the extraction directory or that ZIP tools disagree on. */
export function checkEntryName(name: string): void {
  const bad =
    name.length === 0 ||
    name.includes('\\') ||
    name.includes('\0') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((part, i, all) => part === '..' || part === '.' || (part === '' && i !== all.length - 1));
  if (bad) throw new Error(`zip: unsafe entry name ${JSON.stringify(name)}`);
}

/** An archive of `entries` in the given order, each deflated at level 9. */
export function writeZip(entries: readonly ZipEntryInput[]): Buffer {
  if (entries.length > 0xffff) throw new Error('zip: too many entries');
  const { time, date } = dosTime();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    checkEntryName(e.name);
    const name = Buffer.from(e.name, 'utf8');
    const ascii = name.length === e.name.length;
    const compressed = zlib.deflateRawSync(e.data, { level: 9 });
    // Keep whichever is smaller, as zip(1) does.
    const method = compressed.length < e.data.length ? METHOD_DEFLATE : METHOD_STORED;
    const body = method === METHOD_DEFLATE ? compressed : e.data;
    if (e.data.length >= MAX_32 || body.length >= MAX_32 || offset >= MAX_32) throw new Error('zip: archive too large (ZIP64 is not supported)');
    const crc = crc32(e.data);
    const flags = ascii ? 0 : FLAG_UTF8;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(SIG_CENTRAL, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((((S_IFREG | (e.mode & 0o7777)) << 16) >>> 0) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, cd, end]);
}

function findEnd(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === SIG_END && i + 22 + buf.readUInt16LE(i + 20) === buf.length) return i;
  }
  throw new Error('zip: not a zip archive (no end of central directory record)');
}

/**
 * The regular files of an archive (directory entries are skipped), each checked against its CRC
 * and size. `maxTotalBytes` bounds the uncompressed total (default 1 GiB).
 */
export function readZip(buf: Buffer, maxTotalBytes = 1024 * 1024 * 1024): ZipEntry[] {
  const end = findEnd(buf);
  const disk = buf.readUInt16LE(end + 4);
  const cdDisk = buf.readUInt16LE(end + 6);
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (disk !== 0 || cdDisk !== 0) throw new Error('zip: multi-disk archives are not supported');
  if (count === 0xffff || cdSize === MAX_32 || cdOffset === MAX_32) throw new Error('zip: ZIP64 archives are not supported');
  if (cdOffset + cdSize > end) throw new Error('zip: central directory out of bounds');
  const out: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== SIG_CENTRAL) throw new Error('zip: corrupt central directory');
    const madeBy = buf.readUInt16LE(p + 4);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const external = buf.readUInt32LE(p + 38);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;

    if (compSize === MAX_32 || size === MAX_32 || localOffset === MAX_32) throw new Error('zip: ZIP64 archives are not supported');
    if (flags & FLAG_ENCRYPTED) throw new Error(`zip: ${name} is encrypted`);
    const unixMode = madeBy >> 8 === 3 ? external >>> 16 : undefined;
    const isDir = name.endsWith('/') || (unixMode !== undefined && (unixMode & 0o170000) === S_IFDIR);
    checkEntryName(name);
    if (isDir) continue;
    if (seen.has(name)) throw new Error(`zip: duplicate entry ${name}`);
    seen.add(name);
    if ((total += size) > maxTotalBytes) throw new Error(`zip: contents exceed ${maxTotalBytes} bytes`);

    if (localOffset + 30 > cdOffset || buf.readUInt32LE(localOffset) !== SIG_LOCAL) throw new Error(`zip: corrupt local header for ${name}`);
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataStart + compSize > cdOffset) throw new Error(`zip: ${name} runs past the end of the data`);
    const body = buf.subarray(dataStart, dataStart + compSize);
    let data: Buffer;
    if (method === METHOD_STORED) data = Buffer.from(body);
    else if (method === METHOD_DEFLATE) data = zlib.inflateRawSync(body, { maxOutputLength: Math.max(size, 1) });
    else throw new Error(`zip: ${name} uses compression method ${method}; only stored and deflate are supported`);
    if (data.length !== size) throw new Error(`zip: ${name} is ${data.length} bytes, the directory says ${size}`);
    if (crc32(data) !== crc) throw new Error(`zip: CRC mismatch in ${name}`);
    out.push({ name, data, mode: unixMode === undefined ? undefined : unixMode & 0o7777 });
  }
  return out;
}
