/**
 * hclog-compatible JSON logging on stderr (plugin-protocol.md sec. 1.9, ecosystem.md sec. 2.7).
 *
 * go-plugin's client reads the provider's stderr line by line and re-emits every line that parses
 * as an hclog JSON object at its own level, named after the provider. A line that does not parse
 * (wrong timestamp precision, unknown level spelling such as "warning") is logged raw at DEBUG and
 * loses its level, so the shape here is exact: `@level`, `@message`, `@timestamp` with six
 * fractional digits and a zone, `@module`, then the caller's fields.
 */
import { writeFdSync } from './fd-write';
import { LOG_MODULE } from './constants';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/**
 * Structured logger. SECURITY CONTRACT: the logger serialises exactly the message and fields it is
 * given and nothing else (no request objects, no environment). Callers must never pass secret
 * values (provider tokens, `coder_secret` values, sensitive attributes, raw DynamicValues) - log
 * names, type names, counts and sizes instead.
 */
export interface Logger {
  trace(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A child logger that adds `fields` to every line (call-site fields win on conflicts). */
  with(fields: Record<string, unknown>): Logger;
  /** Whether a line at `level` would be written (lets callers skip building expensive fields). */
  enabled(level: LogLevel): boolean;
}

const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };

/**
 * The minimum level to emit, from `TF_LOG_PROVIDER` falling back to `TF_LOG` - the same lookup
 * Terraform uses for its provider logger, so we never build lines Terraform would drop.
 *
 * - `TRACE`/`DEBUG`/`INFO`/`WARN`/`ERROR` (any case): that level.
 * - `JSON`: Terraform logs everything as JSON -> trace.
 * - unset, empty or `OFF`: Terraform discards provider lines entirely, but we still emit WARN and
 *   ERROR. They are rare (no cost on the hot path), Terraform's panic recorder and other go-plugin
 *   hosts (or a human running `--debug`) still see them, and a silent provider is undebuggable.
 * - anything else: trace, mirroring Terraform, which treats an invalid level as TRACE.
 */
export function levelFromEnv(env: NodeJS.ProcessEnv): LogLevel {
  const provider = (env.TF_LOG_PROVIDER ?? '').trim();
  const raw = (provider !== '' ? provider : (env.TF_LOG ?? '').trim()).toUpperCase();
  switch (raw) {
    case '':
    case 'OFF':
      return 'warn';
    case 'JSON':
    case 'TRACE':
      return 'trace';
    case 'DEBUG':
      return 'debug';
    case 'INFO':
      return 'info';
    case 'WARN':
      return 'warn';
    case 'ERROR':
      return 'error';
    default:
      return 'trace';
  }
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Formats an instant with Go layout `2006-01-02T15:04:05.000000Z07:00`: exactly six fractional
 * digits (JavaScript's `toISOString()` has three, which go-plugin fails to parse) and `Z` or
 * `+/-hh:mm`. Pure: the instant is given in microseconds since the epoch, the zone as minutes east
 * of UTC (note: the opposite sign of `Date#getTimezoneOffset()`).
 */
export function formatTimestamp(epochMicros: number, offsetMinutesEast = 0): string {
  const micros = Math.floor(epochMicros);
  const fraction = ((micros % 1_000_000) + 1_000_000) % 1_000_000;
  const wholeMs = (micros - fraction) / 1000;
  // Shift into the target zone and read the UTC fields, so no host time zone leaks in.
  const d = new Date(wholeMs + offsetMinutesEast * 60_000);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  const time = `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
  let zone = 'Z';
  if (offsetMinutesEast !== 0) {
    const abs = Math.abs(offsetMinutesEast);
    zone = `${offsetMinutesEast < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
  }
  return `${date}T${time}.${pad(fraction, 6)}${zone}`;
}

/** Microseconds since the epoch. Date has only millisecond resolution; the monotonic clock adds the rest. */
function nowMicros(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

/** Local time like hclog (which formats `time.Now()` in the local zone). */
function nowTimestamp(): string {
  const micros = nowMicros();
  const offsetEast = -new Date(Math.floor(micros / 1000)).getTimezoneOffset();
  return formatTimestamp(micros, offsetEast);
}

const RESERVED_KEYS = new Set(['@level', '@message', '@timestamp', '@module', '@caller']);

/** JSON.stringify replacer: keeps a line writable whatever the caller passed (never throws). */
function safeReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  return value;
}

/**
 * Builds one JSON line. The reserved `@` keys always come from the logger, never from fields, so a
 * field cannot forge a level or message.
 */
export function formatLine(
  level: LogLevel,
  message: string,
  fields: Record<string, unknown> | undefined,
  timestamp: string,
  module: string = LOG_MODULE,
): string {
  const entry: Record<string, unknown> = {
    '@level': level,
    '@message': message,
    '@timestamp': timestamp,
    '@module': module,
  };
  if (fields) {
    for (const key of Object.keys(fields)) {
      if (!RESERVED_KEYS.has(key)) entry[key] = fields[key];
    }
  }
  try {
    return JSON.stringify(entry, safeReplacer) + '\n';
  } catch {
    // Circular structures and throwing getters: keep the line, drop the fields.
    return JSON.stringify({ ...pickReserved(entry), fields_error: 'unserialisable fields' }) + '\n';
  }
}

function pickReserved(entry: Record<string, unknown>): Record<string, unknown> {
  return {
    '@level': entry['@level'],
    '@message': entry['@message'],
    '@timestamp': entry['@timestamp'],
    '@module': entry['@module'],
  };
}

export interface LoggerOptions {
  /** Where complete lines go; default: a synchronous write to fd 2 (so lines survive process.exit). */
  write?: (line: string) => void;
  /** Clock; default: local time with microseconds. */
  timestamp?: () => string;
  module?: string;
}

class JsonLogger implements Logger {
  constructor(
    private readonly minRank: number,
    private readonly baseFields: Record<string, unknown> | undefined,
    private readonly opts: Required<LoggerOptions>,
  ) {}

  enabled(level: LogLevel): boolean {
    return LEVEL_RANK[level] >= this.minRank;
  }

  private log(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    if (LEVEL_RANK[level] < this.minRank) return;
    const merged = this.baseFields ? { ...this.baseFields, ...fields } : fields;
    try {
      this.opts.write(formatLine(level, message, merged, this.opts.timestamp(), this.opts.module));
    } catch {
      // Logging must never take the provider down (e.g. stderr closed by the parent).
    }
  }

  trace(message: string, fields?: Record<string, unknown>): void { this.log('trace', message, fields); }
  debug(message: string, fields?: Record<string, unknown>): void { this.log('debug', message, fields); }
  info(message: string, fields?: Record<string, unknown>): void { this.log('info', message, fields); }
  warn(message: string, fields?: Record<string, unknown>): void { this.log('warn', message, fields); }
  error(message: string, fields?: Record<string, unknown>): void { this.log('error', message, fields); }

  with(fields: Record<string, unknown>): Logger {
    return new JsonLogger(this.minRank, { ...this.baseFields, ...fields }, this.opts);
  }
}

/** The process logger: hclog JSON lines on stderr, filtered by `TF_LOG_PROVIDER` / `TF_LOG`. */
export function createLogger(env: NodeJS.ProcessEnv, options: LoggerOptions = {}): Logger {
  return new JsonLogger(LEVEL_RANK[levelFromEnv(env)], undefined, {
    write: options.write ?? ((line) => writeFdSync(2, line)),
    timestamp: options.timestamp ?? nowTimestamp,
    module: options.module ?? LOG_MODULE,
  });
}
