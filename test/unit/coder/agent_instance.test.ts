/**
 * coder_agent_instance through the internal ProviderServer: schema version 0, two required
 * ForceNew attributes, random id (spec §5.2, §6.1 row 4).
 */
import { ResourceDriver, UNKNOWN, Unknown, V4_UUID, brief, plain } from './resource_harness';

const d = new ResourceDriver('coder_agent_instance');

test('schema: version 0, agent_id and instance_id required', async () => {
  const r = await d.protocolSchema();
  expect(r.version).toBe(0);
  expect(r.block.blockTypes).toEqual([]);
  expect(r.block.attributes.map((a) => [a.name, a.type?.kind, !!a.required, !!a.optional, !!a.computed])).toEqual([
    ['agent_id', 'string', true, false, false],
    ['id', 'string', false, true, true],
    ['instance_id', 'string', true, false, false],
  ]);
});

test('validation: both required, no value checks', async () => {
  expect(brief(await d.validate({ agent_id: 'a' }))).toEqual([
    { severity: 'error', summary: 'Missing required argument', detail: 'The argument "instance_id" is required, but no definition was found.' },
  ]);
  expect(brief(await d.validate({ instance_id: 'i' }))).toEqual([
    { severity: 'error', summary: 'Missing required argument', detail: 'The argument "agent_id" is required, but no definition was found.' },
  ]);
  expect(await d.validate({ agent_id: '', instance_id: '' })).toEqual([]);
  expect(await d.validate({ agent_id: UNKNOWN, instance_id: UNKNOWN })).toEqual([]);
});

test('plan, apply, empty re-plan, replacement on either change, read', async () => {
  const cfg = { agent_id: 'a', instance_id: 'hello' };
  const p = await d.plan(cfg);
  expect(p.legacy).toBe(true);
  expect(plain(p.planned)).toEqual({ agent_id: 'a', id: '<unknown>', instance_id: 'hello' });
  const r = await d.create(cfg);
  expect(r.step).toBe('done');
  expect(r.diagnostics).toEqual([]);
  expect(r.state!.id).toMatch(V4_UUID);
  expect(plain(r.state)).toEqual({ ...cfg, id: r.state!.id });
  expect((await d.plan(cfg, r.state)).samePlannedBytes).toBe(true);
  for (const k of ['agent_id', 'instance_id']) {
    const change = await d.plan({ ...cfg, [k]: 'other' }, r.state);
    expect(change.requiresReplace).toEqual(expect.arrayContaining([[{ attribute: k }]]));
    expect(change.planned!.id).toBeInstanceOf(Unknown);
  }
  expect(plain((await d.read(r.state!)).state)).toEqual(plain(r.state));
});

test('#4 TestAgent_Instance: agent_id and instance_id present and non-empty', async () => {
  const r = await d.create({ agent_id: '2b5c1a0e-6f3d-4c8a-9e7b-1d2c3b4a5f6e', instance_id: 'hello' });
  expect(r.step).toBe('done');
  expect(r.state!.agent_id).toBe('2b5c1a0e-6f3d-4c8a-9e7b-1d2c3b4a5f6e');
  expect(r.state!.instance_id).toBe('hello');
});
