/** Lifecycle helpers: socket location, open streams, parent watch, exit coordination, panic text, stdout guard. */
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lifecycle } from '../../../provider/plugin/lifecycle';
import {
  createSocketLocation,
  MAX_SOCKET_PATH_BYTES,
  removeSocketLocation,
  socketParents,
  socketPathLength,
} from '../../../provider/plugin/listener';
import { createLogger, type Logger } from '../../../provider/plugin/logging';
import { OpenStreams } from '../../../provider/plugin/open-streams';
import { formatPanic } from '../../../provider/plugin/panic';
import { watchParent } from '../../../provider/plugin/parent-watch';
import { guardStdout } from '../../../provider/plugin/stdout-guard';

const silent: Logger = createLogger({}, { write: () => undefined });

describe('socket location', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'tpc-test-'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  test('fresh 0700 directory under PLUGIN_UNIX_SOCKET_DIR, removed by cleanup', () => {
    const loc = createSocketLocation({ PLUGIN_UNIX_SOCKET_DIR: base });
    expect(loc.dir.startsWith(`${base}/`)).toBe(true);
    expect(statSync(loc.dir).mode & 0o777).toBe(0o700);
    expect(loc.path).toBe(join(loc.dir, 'plugin.sock'));
    expect(Buffer.byteLength(loc.path)).toBeLessThanOrEqual(MAX_SOCKET_PATH_BYTES);
    removeSocketLocation(loc);
    expect(existsSync(loc.dir)).toBe(false);
    expect(() => removeSocketLocation(loc)).not.toThrow();
  });

  test('a long TMPDIR falls back to /tmp; a long requested dir is an error', () => {
    const long = `/${'x'.repeat(120)}`;
    expect(socketParents({}, long)).toEqual([long, '/tmp']);
    expect(socketParents({}, '/tmp')).toEqual(['/tmp']);
    expect(socketPathLength(long)).toBeGreaterThan(MAX_SOCKET_PATH_BYTES);
    expect(() => createSocketLocation({ PLUGIN_UNIX_SOCKET_DIR: long })).toThrow(/exceed/);
  });
});

class FakeStream extends EventEmitter {
  ended = 0;
  end(): void {
    this.ended++;
  }
}

describe('OpenStreams', () => {
  test('ends tracked streams once, forgets cancelled ones, ends late arrivals', () => {
    const streams = new OpenStreams();
    const a = new FakeStream();
    const b = new FakeStream();
    streams.add(a);
    streams.add(b);
    b.emit('cancelled');
    expect(streams.size).toBe(1);
    a.emit('error', new Error('reset')); // must not throw: a listener is attached
    streams.add(a);
    streams.endAll();
    expect(a.ended).toBe(1);
    expect(b.ended).toBe(0);
    const late = new FakeStream();
    streams.add(late);
    expect(late.ended).toBe(1);
  });
});

describe('watchParent', () => {
  test('fires once when the parent pid changes', async () => {
    let ppid = 100;
    const onGone = jest.fn();
    const stop = watchParent(onGone, { intervalMs: 5, getParentPid: () => ppid });
    await new Promise((r) => setTimeout(r, 30));
    expect(onGone).not.toHaveBeenCalled();
    ppid = 1;
    await new Promise((r) => setTimeout(r, 30));
    expect(onGone).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe('Lifecycle', () => {
  test('shutdown stops, cleans up in reverse order and exits once', async () => {
    const order: string[] = [];
    const exit = jest.fn();
    const lc = new Lifecycle({ logger: silent, exit });
    lc.addCleanup(() => order.push('first'));
    lc.addCleanup(() => order.push('second'));
    lc.setStopper(async () => {
      order.push('stop');
    });
    await Promise.all([lc.shutdown(0, 'test'), lc.shutdown(3, 'again')]);
    expect(order).toEqual(['stop', 'second', 'first']);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
    lc.runCleanups();
    expect(order).toHaveLength(3);
  });

  test('a stopper that hangs is abandoned after the timeout', async () => {
    const exit = jest.fn();
    const lc = new Lifecycle({ logger: silent, exit, stopTimeoutMs: 20 });
    lc.setStopper(() => new Promise(() => undefined));
    const started = Date.now();
    await lc.shutdown(0, 'test');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(exit).toHaveBeenCalledWith(0);
  });

  test('a throwing cleanup does not stop the others', () => {
    const lc = new Lifecycle({ logger: silent, exit: jest.fn() });
    const ran = jest.fn();
    lc.addCleanup(ran);
    lc.addCleanup(() => {
      throw new Error('x');
    });
    lc.runCleanups();
    expect(ran).toHaveBeenCalled();
  });
});

describe('formatPanic', () => {
  test('Error: panic line then the stack', () => {
    const err = new TypeError('cannot read x');
    const text = formatPanic(err);
    expect(text.startsWith('panic: cannot read x\n\nTypeError: cannot read x\n    at ')).toBe(true);
  });
  test('non-Error values are never serialised', () => {
    expect(formatPanic('secret-token')).toBe('panic: a non-Error value of type string was thrown\n');
    expect(formatPanic({ token: 'secret' })).not.toContain('secret');
    expect(formatPanic(null)).toContain('type null');
  });
});

describe('guardStdout', () => {
  test('process.stdout and console go to the logger at debug, and restore', () => {
    const lines: string[] = [];
    const logger = createLogger({ TF_LOG: 'debug' }, { write: (l) => lines.push(l) });
    const realStdout = process.stdout;
    const restore = guardStdout(logger);
    try {
      process.stdout.write('banner\n');
      console.log('hello %s', 'world');
      console.error('oops');
    } finally {
      restore();
    }
    expect(process.stdout).toBe(realStdout);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((p) => [p['@level'], p.stream, p.output])).toEqual([
      ['debug', 'stdout', 'banner'],
      ['debug', 'stdout', 'hello world'],
      ['debug', 'stderr', 'oops'],
    ]);
  });
});
