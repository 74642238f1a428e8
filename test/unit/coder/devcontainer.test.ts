/**
 * coder_devcontainer through the internal ProviderServer: schema, the not-empty check on
 * workspace_folder, a computed subagent_id minted at apply (independent of id), re-plans, and the
 * Go provider's TestDevcontainer* rows (spec §6.1 rows 80–82).
 */
import { ResourceDriver, UNKNOWN, Unknown, V4_UUID, brief, errorsOf, plain } from './resource_harness';

const d = new ResourceDriver('coder_devcontainer');
const base = { agent_id: 'king', workspace_folder: '/workspace' };

test('schema', async () => {
  const r = await d.protocolSchema();
  expect(r.version).toBe(1);
  expect(r.block.blockTypes).toEqual([]);
  expect(r.block.attributes.map((a) => [a.name, a.type?.kind, !!a.required, !!a.optional, !!a.computed, !!a.sensitive])).toEqual([
    ['agent_id', 'string', true, false, false, false],
    ['config_path', 'string', false, true, false, false],
    ['id', 'string', false, true, true, false],
    ['subagent_id', 'string', false, false, true, false],
    ['workspace_folder', 'string', true, false, false, false],
  ]);
});

describe('validation', () => {
  test('workspace_folder must not be empty (StringIsNotEmpty text, trailing value empty)', async () => {
    const diags = await d.validate({ ...base, workspace_folder: '' });
    expect(brief(diags)).toEqual([{ severity: 'error', summary: 'expected "workspace_folder" to not be an empty string, got ' }]);
    expect(diags[0]!.path).toEqual([{ attribute: 'workspace_folder' }]);
  });

  test('workspace_folder: any non-empty value, relative or with spaces', async () => {
    for (const workspace_folder of ['/workspace', 'relative/dir', ' ', '~/src']) expect(await d.validate({ ...base, workspace_folder })).toEqual([]);
    expect(await d.validate({ ...base, workspace_folder: UNKNOWN })).toEqual([]);
  });

  test('subagent_id cannot be configured', async () => {
    expect(brief(await d.validate({ ...base, subagent_id: 'x' }))).toEqual([
      {
        severity: 'error',
        summary: 'Value for unconfigurable attribute',
        detail: `Can't configure a value for "subagent_id": its value will be decided automatically based on the result of applying this configuration.`,
      },
    ]);
  });
});

describe('plan and apply', () => {
  test('create plans subagent_id and id unknown, config_path null', async () => {
    const p = await d.plan(base);
    expect(p.diagnostics).toEqual([]);
    expect(p.legacy).toBe(true);
    expect(plain(p.planned)).toEqual({ agent_id: 'king', config_path: null, id: '<unknown>', subagent_id: '<unknown>', workspace_folder: '/workspace' });
  });

  test('apply mints two distinct v4 UUIDs; re-plan is empty; changes replace', async () => {
    const cfg = { ...base, config_path: '/workspace/.devcontainer/devcontainer.json' };
    const r = await d.create(cfg);
    expect(r.step).toBe('done');
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.id).toMatch(V4_UUID);
    expect(r.state!.subagent_id).toMatch(V4_UUID);
    expect(r.state!.subagent_id).not.toBe(r.state!.id);
    expect(plain(r.state)).toEqual({ ...cfg, id: r.state!.id, subagent_id: r.state!.subagent_id });
    const again = await d.plan(cfg, r.state);
    expect(again.requiresReplace).toEqual([]);
    expect(again.samePlannedBytes).toBe(true);
    for (const [k, v] of [['workspace_folder', '/other'], ['config_path', '/x.json'], ['agent_id', 'queen']] as const) {
      const p = await d.plan({ ...cfg, [k]: v }, r.state);
      expect(p.requiresReplace).toEqual(expect.arrayContaining([[{ attribute: k }]]));
      expect(p.planned!.subagent_id).toBeInstanceOf(Unknown);
      expect(p.planned!.id).toBeInstanceOf(Unknown);
    }
  });

  test('each create mints a fresh subagent_id', async () => {
    const a = await d.create(base);
    const b = await d.create(base);
    expect(a.state!.subagent_id).not.toBe(b.state!.subagent_id);
  });

  test('read returns the state unchanged', async () => {
    const r = await d.create(base);
    expect(plain((await d.read(r.state!)).state)).toEqual(plain(r.state));
  });
});

describe('Go TestDevcontainer rows', () => {
  test('#80 TestDevcontainer', async () => {
    const r = await d.create({ agent_id: 'king', workspace_folder: '/workspace', config_path: '/workspace/devcontainer.json' });
    expect(r.step).toBe('done');
    expect([r.state!.agent_id, r.state!.workspace_folder, r.state!.config_path]).toEqual(['king', '/workspace', '/workspace/devcontainer.json']);
    expect(r.state!.subagent_id).toMatch(V4_UUID);
  });

  test('#81 TestDevcontainerNoConfigPath', async () => {
    const r = await d.create({ agent_id: 'king', workspace_folder: '/workspace' });
    expect(r.step).toBe('done');
    expect([r.state!.agent_id, r.state!.workspace_folder, r.state!.config_path]).toEqual(['king', '/workspace', null]);
    expect(r.state!.subagent_id).toMatch(V4_UUID);
  });

  test('#82 TestDevcontainerNoWorkspaceFolder', async () => {
    const r = await d.create({ agent_id: 'king' });
    expect(r.step).toBe('validate');
    expect(errorsOf(r.diagnostics).join('\n')).toMatch(/The argument "workspace_folder" is required, but no definition was found\./);
  });
});
