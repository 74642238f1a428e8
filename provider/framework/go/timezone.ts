/**
 * Go `time.LoadLocation(name)` acceptance (Go 1.26 time/zoneinfo.go,
 * zoneinfo_read.go, zoneinfo_unix.go) on Linux.
 *
 *  - `""` and `UTC` -> UTC; `Local` -> the local zone;
 *  - a name containing `..` or starting with `/` or `\` ->
 *    `time: invalid location name`;
 *  - otherwise the name is read (case-sensitively) from `$ZONEINFO` (a
 *    directory; zip files are not supported by this port), then from the
 *    platform sources `/usr/share/zoneinfo/`, `/usr/share/lib/zoneinfo/`,
 *    `/usr/lib/locale/TZ/`, `/etc/zoneinfo`. The first source that yields
 *    valid TZif data wins. The first error other than "file does not exist"
 *    is reported as Go does (`is a directory`, `not a directory`,
 *    `malformed time zone information`, ...); otherwise
 *    `unknown time zone <name>`.
 *  - If none of these directories exists on this machine (Go would then
 *    fall back to tz data embedded in the binary), the name is checked with
 *    Intl: it must be accepted by `Intl.DateTimeFormat` and must not be a
 *    case variant of a canonical IANA name (Go is case-sensitive).
 *
 * This is the one port that does I/O (synchronous reads of small files).
 */
import * as fs from 'fs';

export type LoadLocationResult = { ok: true; name: string } | { ok: false; error: string };

export const GO_PLATFORM_ZONE_SOURCES: readonly string[] = [
  '/usr/share/zoneinfo/',
  '/usr/share/lib/zoneinfo/',
  '/usr/lib/locale/TZ/',
  '/etc/zoneinfo',
];

export interface LoadLocationOptions {
  /** Value of $ZONEINFO (default: process.env.ZONEINFO). */
  zoneinfo?: string;
  /** Directories to search (default: Go's platform sources). */
  sources?: readonly string[];
  /** Force the Intl fallback (for tests). */
  intlOnly?: boolean;
}

const ERR_INVALID_NAME = 'time: invalid location name';
const ERR_BAD_DATA = 'malformed time zone information';

function containsDotDot(s: string): boolean {
  return s.includes('..');
}

/** errno code -> Go syscall.Errno text for the errors a file read can produce. */
const ERRNO_TEXT: Record<string, string> = {
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'input/output error',
  ENXIO: 'no such device or address',
  EINVAL: 'invalid argument',
};

type ReadOutcome = { kind: 'data'; data: Buffer } | { kind: 'enoent' } | { kind: 'error'; error: string };

function readZoneFile(path: string): ReadOutcome {
  if (path.includes('\0')) return { kind: 'error', error: 'invalid argument' };
  try {
    const st = fs.statSync(path);
    if (st.isFile() && st.size > 10 << 20) {
      return { kind: 'error', error: 'time: file ' + path + ' is too large' };
    }
    return { kind: 'data', data: fs.readFileSync(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') return { kind: 'enoent' };
    return { kind: 'error', error: ERRNO_TEXT[code] ?? (e as Error).message };
  }
}

/** Minimal check of Go's LoadLocationFromTZData acceptance: TZif magic, version and header. */
function validTzif(data: Buffer): boolean {
  if (data.length < 44) return false;
  if (data.toString('latin1', 0, 4) !== 'TZif') return false;
  // six big-endian uint32 counts at offset 20: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  const n: number[] = [];
  for (let i = 0; i < 6; i++) n.push(data.readUInt32BE(20 + 4 * i));
  const [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt] = n;
  const need = 44 + timecnt * 4 + timecnt + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt;
  if (typecnt === 0) return false;
  return data.length >= need;
}

function dirExists(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

let canonicalZones: Set<string> | null = null;
let canonicalLower: Map<string, string> | null = null;

function intlAccepts(name: string): boolean {
  if (canonicalZones === null) {
    const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
    const list = typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('timeZone') : [];
    canonicalZones = new Set(list);
    canonicalLower = new Map(list.map((z) => [z.toLowerCase(), z]));
  }
  if (canonicalZones.has(name)) return true;
  // Only IANA-style names: ICU also accepts offsets such as "+05:00" and "GMT+5", Go does not.
  if (!/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(name)) return false;
  if (/^(GMT|UTC|UT)[+-]/.test(name)) return false;
  const canon = canonicalLower?.get(name.toLowerCase());
  if (canon !== undefined && canon !== name) return false; // case variant
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Go time.LoadLocation acceptance. `name` of the result is Location.String(). */
export function loadLocation(name: string, opts: LoadLocationOptions = {}): LoadLocationResult {
  if (name === '' || name === 'UTC') return { ok: true, name: 'UTC' };
  if (name === 'Local') return { ok: true, name: 'Local' };
  if (containsDotDot(name) || name[0] === '/' || name[0] === '\\') {
    return { ok: false, error: ERR_INVALID_NAME };
  }
  const zoneinfo = opts.zoneinfo ?? process.env.ZONEINFO ?? '';
  const sources = opts.sources ?? GO_PLATFORM_ZONE_SOURCES;
  if (!opts.intlOnly) {
    let firstErr: string | null = null;
    let anySource = false;
    if (zoneinfo !== '') {
      anySource = true;
      const r = readZoneFile(zoneinfo + '/' + name);
      if (r.kind === 'data') {
        if (validTzif(r.data)) return { ok: true, name };
        firstErr = ERR_BAD_DATA;
      } else if (r.kind === 'error') {
        firstErr = r.error;
      }
    }
    let loopErr: string | null = null;
    for (const src of sources) {
      if (dirExists(src)) anySource = true;
      const r = readZoneFile(src + '/' + name);
      if (r.kind === 'data') {
        if (validTzif(r.data)) return { ok: true, name };
        if (loopErr === null) loopErr = ERR_BAD_DATA;
      } else if (r.kind === 'error') {
        if (loopErr === null) loopErr = r.error;
      }
    }
    if (anySource) {
      if (firstErr === null) firstErr = loopErr;
      return { ok: false, error: firstErr ?? 'unknown time zone ' + name };
    }
  }
  if (intlAccepts(name)) return { ok: true, name };
  return { ok: false, error: 'unknown time zone ' + name };
}
