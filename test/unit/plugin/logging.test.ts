import { createLogger, formatLine, formatTimestamp, levelFromEnv, type LogLevel } from '../../../provider/plugin/logging';

/** Go layout 2006-01-02T15:04:05.000000Z07:00 */
const GO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$/;

function capture(env: NodeJS.ProcessEnv): { lines: Array<Record<string, unknown>>; logger: ReturnType<typeof createLogger> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger(env, { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { lines, logger };
}

describe('formatTimestamp', () => {
  const micros = Date.UTC(2024, 1, 29, 23, 59, 58, 123) * 1000 + 456;
  test('six fractional digits, Z for UTC', () => {
    expect(formatTimestamp(micros)).toBe('2024-02-29T23:59:58.123456Z');
    expect(formatTimestamp(micros)).toMatch(GO_TIMESTAMP);
  });
  test('zone offsets shift the wall clock', () => {
    expect(formatTimestamp(micros, 60)).toBe('2024-03-01T00:59:58.123456+01:00');
    expect(formatTimestamp(micros, -330)).toBe('2024-02-29T18:29:58.123456-05:30');
  });
  test('whole seconds still print six zeros', () => {
    expect(formatTimestamp(Date.UTC(2030, 0, 1) * 1000)).toBe('2030-01-01T00:00:00.000000Z');
  });
  test('the live clock matches the Go layout', () => {
    const { lines, logger } = capture({ TF_LOG: 'trace' });
    logger.info('x');
    expect(lines[0]!['@timestamp']).toMatch(GO_TIMESTAMP);
  });
});

describe('levelFromEnv', () => {
  test.each<[NodeJS.ProcessEnv, LogLevel]>([
    [{}, 'warn'],
    [{ TF_LOG: '' }, 'warn'],
    [{ TF_LOG: 'off' }, 'warn'],
    [{ TF_LOG: 'trace' }, 'trace'],
    [{ TF_LOG: 'JSON' }, 'trace'],
    [{ TF_LOG: 'Debug' }, 'debug'],
    [{ TF_LOG: 'INFO' }, 'info'],
    [{ TF_LOG: 'ERROR' }, 'error'],
    [{ TF_LOG: 'bogus' }, 'trace'],
    [{ TF_LOG: 'trace', TF_LOG_PROVIDER: 'error' }, 'error'],
    [{ TF_LOG: 'error', TF_LOG_PROVIDER: '' }, 'error'],
    [{ TF_LOG_PROVIDER: 'debug' }, 'debug'],
  ])('%j → %s', (env, level) => {
    expect(levelFromEnv(env)).toBe(level);
  });
});

describe('logger', () => {
  test('hclog line shape', () => {
    const { lines, logger } = capture({ TF_LOG: 'debug' });
    logger.debug('hello', { resource: 'coder_agent', count: 2 });
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(Object.keys(line).slice(0, 4)).toEqual(['@level', '@message', '@timestamp', '@module']);
    expect(line).toMatchObject({
      '@level': 'debug',
      '@message': 'hello',
      '@module': 'provider.terraform-provider-coder',
      resource: 'coder_agent',
      count: 2,
    });
  });

  test('filters below the configured level', () => {
    const { lines, logger } = capture({ TF_LOG: 'info' });
    logger.trace('t');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines.map((l) => l['@level'])).toEqual(['info', 'warn', 'error']);
    expect(logger.enabled('debug')).toBe(false);
    expect(logger.enabled('warn')).toBe(true);
  });

  test('unset TF_LOG emits only warn and error', () => {
    const { lines, logger } = capture({});
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines.map((l) => l['@level'])).toEqual(['warn', 'error']);
  });

  test('with() adds fields; call-site fields win; reserved keys cannot be forged', () => {
    const { lines, logger } = capture({ TF_LOG: 'trace' });
    const child = logger.with({ rpc: 'PlanResourceChange', a: 1 });
    child.info('m', { a: 2, '@level': 'error', '@message': 'forged' });
    expect(lines[0]).toMatchObject({ '@level': 'info', '@message': 'm', rpc: 'PlanResourceChange', a: 2 });
  });

  test('unserialisable fields never throw or lose the line', () => {
    const { lines, logger } = capture({ TF_LOG: 'trace' });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    logger.info('big', { n: 10n, err: new Error('boom'), bytes: new Uint8Array(3) });
    logger.info('circ', { circular });
    expect(lines[0]).toMatchObject({ n: '10', err: 'Error: boom', bytes: '<3 bytes>' });
    expect(lines[1]).toMatchObject({ '@message': 'circ', fields_error: 'unserialisable fields' });
  });

  test('a failing writer is swallowed', () => {
    const logger = createLogger({ TF_LOG: 'trace' }, { write: () => { throw new Error('EPIPE'); } });
    expect(() => logger.error('x')).not.toThrow();
  });

  test('formatLine ends with exactly one newline', () => {
    const line = formatLine('warn', 'multi\nline', undefined, '2024-01-01T00:00:00.000000Z');
    expect(line.endsWith('}\n')).toBe(true);
    expect(line.split('\n')).toHaveLength(2);
  });
});
