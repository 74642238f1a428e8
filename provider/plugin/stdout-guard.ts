/**
 * In plugin mode stdout belongs to the handshake: a stray line before it makes go-plugin give up
 * ("Unrecognized remote plugin message"), and anything after it is silently discarded. So after
 * we decide to serve, every JavaScript path to stdout (process.stdout, console.*) is redirected
 * to the logger at DEBUG. The handshake itself bypasses this with a raw write to fd 1.
 */
import { Writable } from 'node:stream';
import { format } from 'node:util';
import type { Logger } from './logging';

const MAX_CAPTURED_CHARS = 4096;

function sinkTo(logger: Logger, stream: 'stdout' | 'stderr'): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const text = String(chunk).replace(/\n$/, '');
      logger.debug('unexpected console output redirected to the log', {
        stream,
        output: text.length > MAX_CAPTURED_CHARS ? `${text.slice(0, MAX_CAPTURED_CHARS)}\u2026` : text,
      });
      callback();
    },
  });
}

/** console's methods that print to stderr; all others print to stdout. */
const STDERR_METHODS = new Set(['warn', 'error', 'trace', 'assert']);

/**
 * A console with every method of `like` (or of the global console), each writing its formatted
 * arguments to one of the sinks. Not node:console's Console class: that class is missing from a
 * process started from a V8 startup snapshot (Node 20), which is how the release executable runs.
 */
function consoleWritingTo(stdout: Writable, stderr: Writable, like: Console = console): Console {
  const out: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(like)) {
    if (typeof (like as unknown as Record<string, unknown>)[name] !== 'function') continue;
    const sink = STDERR_METHODS.has(name) ? stderr : stdout;
    out[name] =
      name === 'assert'
        ? (ok: unknown, ...args: unknown[]) => {
            if (!ok) sink.write(`Assertion failed${args.length ? `: ${format(...args)}` : ''}\n`);
          }
        : (...args: unknown[]) => sink.write(`${format(...args)}\n`);
  }
  return out as unknown as Console;
}

/** Installs the guard; returns a function restoring the previous state (for tests). */
export function guardStdout(logger: Logger): () => void {
  const previousStdout = Object.getOwnPropertyDescriptor(process, 'stdout');
  const previousConsole = Object.getOwnPropertyDescriptor(globalThis, 'console');
  const stdoutSink = sinkTo(logger, 'stdout');
  // Defining the property (instead of assigning process.stdout.write) avoids ever creating the
  // real stdout stream, which would put fd 1 into non-blocking mode.
  Object.defineProperty(process, 'stdout', { configurable: true, enumerable: true, get: () => stdoutSink });
  // console.error/warn would reach stderr as raw text, which go-plugin logs unstructured; route
  // all of console through the logger.
  const guardedConsole = consoleWritingTo(stdoutSink, sinkTo(logger, 'stderr'), previousConsole?.value as Console | undefined);
  Object.defineProperty(globalThis, 'console', { configurable: true, writable: true, value: guardedConsole });
  return () => {
    if (previousStdout) Object.defineProperty(process, 'stdout', previousStdout);
    if (previousConsole) Object.defineProperty(globalThis, 'console', previousConsole);
  };
}
