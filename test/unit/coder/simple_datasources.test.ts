/**
 * The small data sources: coder_workspace_tags, coder_provisioner, coder_external_auth and
 * coder_task. Values come from the config, the host or CODER_* variables injected through the
 * provider's env option; IDs are fresh random v4 UUIDs unless the spec says otherwise.
 */
import { DataSourceDriver, V4_UUID, brief, plain } from './datasource_harness';
import { goArch, goOs } from '../../../provider/coder/provisioner';
import { externalAuthEnvVar } from '../../../provider/coder/external_auth';
import { dataSources } from '../../../provider/coder/registry';

const schemaOf = async (typeName: string) => {
  const d = new DataSourceDriver(typeName);
  const s = await d.server.getProviderSchema({ signal: new AbortController().signal });
  return s.dataSourceSchemas[typeName]!;
};
const attrFlags = (schema: Awaited<ReturnType<typeof schemaOf>>) =>
  Object.fromEntries(
    schema.block.attributes.map((a) => [
      a.name,
      [a.required && 'required', a.optional && 'optional', a.computed && 'computed', a.sensitive && 'sensitive'].filter(Boolean).join(','),
    ]),
  );

test('all nine data sources are registered', () => {
  expect(dataSources.map((d) => d.typeName).sort()).toEqual([
    'coder_external_auth',
    'coder_parameter',
    'coder_provisioner',
    'coder_secret',
    'coder_task',
    'coder_workspace',
    'coder_workspace_owner',
    'coder_workspace_preset',
    'coder_workspace_tags',
  ]);
});

describe('coder_workspace_tags', () => {
  test('schema: implicit optional+computed id, optional tags map', async () => {
    const s = await schemaOf('coder_workspace_tags');
    expect(s.version).toBe(1);
    expect(attrFlags(s)).toEqual({ id: 'optional,computed', tags: 'optional' });
  });

  test('tags echoed, fresh random ID every read', async () => {
    const d = new DataSourceDriver('coder_workspace_tags');
    const a = await d.read({ tags: { cluster: 'dev', region: 'us' } });
    const b = await d.read({ tags: { cluster: 'dev', region: 'us' } });
    expect(a.diagnostics).toEqual([]);
    expect(plain(a.state!.tags)).toEqual({ cluster: 'dev', region: 'us' });
    expect(a.state!.id).toMatch(V4_UUID);
    expect(b.state!.id).toMatch(V4_UUID);
    expect(a.state!.id).not.toBe(b.state!.id);
  });

  test.each([
    ['absent', {}],
    ['empty', { tags: {} }],
  ])('tags %s → null', async (_l, config) => {
    const r = await new DataSourceDriver('coder_workspace_tags').read(config);
    expect(r.state!.tags).toBeNull();
  });

  test('the implicit id cannot be configured (the SDK reports an unknown key)', async () => {
    const r = await new DataSourceDriver('coder_workspace_tags').read({ id: 'mine' });
    expect(brief(r.validate)).toEqual([{ severity: 'error', summary: 'Invalid or unknown key', path: [{ attribute: 'id' }] }]);
  });
});

describe('coder_provisioner', () => {
  test('schema', async () => {
    const s = await schemaOf('coder_provisioner');
    expect(s.version).toBe(1);
    expect(attrFlags(s)).toEqual({ arch: 'computed', id: 'optional,computed', os: 'computed' });
  });

  test('reports this host in Go names', async () => {
    const r = await new DataSourceDriver('coder_provisioner').read({});
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.id).toMatch(V4_UUID);
    expect(r.state!.os).toBe(goOs(process.platform));
    expect(r.state!.arch).toBe(goArch(process.arch));
    if (process.platform === 'linux' && process.arch === 'x64') expect([r.state!.os, r.state!.arch]).toEqual(['linux', 'amd64']);
  });

  test.each([
    ['linux', 'linux'],
    ['darwin', 'darwin'],
    ['win32', 'windows'],
    ['freebsd', 'freebsd'],
    ['openbsd', 'openbsd'],
    ['netbsd', 'netbsd'],
    ['aix', 'aix'],
    ['sunos', 'solaris'],
  ])('os %s → %s', (node, go) => expect(goOs(node)).toBe(go));

  test.each([
    ['x64', 'amd64'],
    ['ia32', '386'],
    ['arm', 'armv7'],
    ['arm64', 'arm64'],
    ['s390x', 's390x'],
    ['riscv64', 'riscv64'],
    ['loong64', 'loong64'],
    ['mips', 'mips'],
    ['mipsel', 'mipsle'],
    ['ppc64', 'ppc64le'],
  ])('arch %s → %s', (node, go) => expect(goArch(node)).toBe(go));

  test('big-endian ppc64 stays ppc64', () => expect(goArch('ppc64', false)).toBe('ppc64'));
});

describe('coder_external_auth', () => {
  test('schema: explicit required id, sensitive computed token, optional bool', async () => {
    const s = await schemaOf('coder_external_auth');
    expect(s.version).toBe(1);
    expect(attrFlags(s)).toEqual({ access_token: 'computed,sensitive', id: 'required', optional: 'optional' });
  });

  test('the variable name inserts the id verbatim', () => {
    expect(externalAuthEnvVar('github')).toBe('CODER_EXTERNAL_AUTH_ACCESS_TOKEN_github');
    expect(externalAuthEnvVar('azure-identity')).toBe('CODER_EXTERNAL_AUTH_ACCESS_TOKEN_azure-identity');
  });

  test('token from the environment; ID = configured id; optional echoed', async () => {
    const d = new DataSourceDriver('coder_external_auth', { 'CODER_EXTERNAL_AUTH_ACCESS_TOKEN_azure-identity': 'tok' });
    const r = await d.read({ id: 'azure-identity', optional: true });
    expect(r.diagnostics).toEqual([]);
    expect(plain(r.state!)).toEqual({ id: 'azure-identity', access_token: 'tok', optional: true });
  });

  test('no token → ""; optional unset → null', async () => {
    const r = await new DataSourceDriver('coder_external_auth', { CODER_EXTERNAL_AUTH_ACCESS_TOKEN_github: '' }).read({ id: 'github' });
    expect(plain(r.state!)).toEqual({ id: 'github', access_token: '', optional: null });
    const r2 = await new DataSourceDriver('coder_external_auth').read({ id: 'github', optional: false });
    expect(plain(r2.state!)).toEqual({ id: 'github', access_token: '', optional: false });
  });

  test('an empty id fails in Read', async () => {
    const r = await new DataSourceDriver('coder_external_auth').read({ id: '' });
    expect(r.validate).toEqual([]);
    expect(r.state).toBeNull();
    expect(brief(r.diagnostics)).toEqual([{ severity: 'error', summary: 'id is required' }]);
  });

  test('a missing id is a validate error', async () => {
    expect(brief(await new DataSourceDriver('coder_external_auth').validate({}))).toEqual([
      { severity: 'error', summary: 'Missing required argument', detail: 'The argument "id" is required, but no definition was found.', path: [{ attribute: 'id' }] },
    ]);
  });
});

describe('coder_task', () => {
  const TASK = '6b6b2b4e-4e0c-4a3a-9d5e-0a1b2c3d4e5f';
  const read = (env: Record<string, string>) => new DataSourceDriver('coder_task', env).read({});

  test('schema: version 0, all computed, nothing sensitive', async () => {
    const s = await schemaOf('coder_task');
    expect(s.version).toBe(0);
    expect(attrFlags(s)).toEqual({ enabled: 'computed', id: 'computed', prompt: 'computed' });
  });

  test.each([
    ['absent', {}],
    ['empty', { CODER_TASK_ID: '' }],
    ['the nil UUID', { CODER_TASK_ID: '00000000-0000-0000-0000-000000000000' }],
  ])('task id %s → disabled, random id', async (_l, env) => {
    const r = await read(env);
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.id).toMatch(V4_UUID);
    expect(r.state!.enabled).toBe(false);
    expect(r.state!.prompt).toBe('');
  });

  test('a task id enables it; prompt passed through', async () => {
    const r = await read({ CODER_TASK_ID: TASK, CODER_TASK_PROMPT: 'fix the bug' });
    expect(plain(r.state!)).toEqual({ id: TASK, enabled: true, prompt: 'fix the bug' });
  });

  test('prompt is set while disabled too', async () => {
    const r = await read({ CODER_TASK_PROMPT: 'hello' });
    expect(r.state!.prompt).toBe('hello');
    expect(r.state!.enabled).toBe(false);
  });

  test.each([
    ['upper case', TASK.toUpperCase()],
    ['braces', `{${TASK}}`],
    ['any 38-byte wrapper', `x${TASK}y`],
    ['URN', `urn:uuid:${TASK}`],
    ['upper-case URN', `URN:UUID:${TASK}`],
    ['32 hex digits', TASK.replace(/-/g, '')],
    ['nil UUID, 32 zeros', '0'.repeat(32)],
    ['nil UUID in braces', '{00000000-0000-0000-0000-000000000000}'],
  ])('%s: accepted verbatim and enabled', async (_l, id) => {
    const r = await read({ CODER_TASK_ID: id });
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.id).toBe(id);
    expect(r.state!.enabled).toBe(true);
  });

  test.each([
    ['not a valid UUID', 'invalid UUID length: 16'],
    [`${TASK}0`, 'invalid UUID length: 37'],
    [`urn:uuix:${TASK}`, 'invalid urn prefix: "urn:uuix:"'],
    [TASK.replace(/-/g, '_'), 'invalid UUID format'],
    [TASK.replace('6b', 'zz'), 'invalid UUID format'],
    ['g'.repeat(32), 'invalid UUID format'],
  ])('%p → %p', async (id, message) => {
    const r = await read({ CODER_TASK_ID: id });
    expect(r.state).toBeNull();
    expect(brief(r.diagnostics)).toEqual([{ severity: 'error', summary: message }]);
  });
});
