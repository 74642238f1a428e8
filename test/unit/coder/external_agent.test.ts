/**
 * coder_external_agent through the internal ProviderServer: one required ForceNew attribute and a
 * random id (spec §5.9, §6.1 row 83).
 */
import { ResourceDriver, UNKNOWN, Unknown, V4_UUID, brief, plain } from './resource_harness';

const d = new ResourceDriver('coder_external_agent');

test('schema: agent_id (required) and the implicit id', async () => {
  const r = await d.protocolSchema();
  expect(r.version).toBe(1);
  expect(r.block.blockTypes).toEqual([]);
  expect(r.block.attributes.map((a) => [a.name, a.type?.kind, !!a.required, !!a.optional, !!a.computed])).toEqual([
    ['agent_id', 'string', true, false, false],
    ['id', 'string', false, true, true],
  ]);
});

test('validation: agent_id required, any value (even "" or unknown) accepted', async () => {
  expect(brief(await d.validate({}))).toEqual([
    { severity: 'error', summary: 'Missing required argument', detail: 'The argument "agent_id" is required, but no definition was found.' },
  ]);
  expect(await d.validate({ agent_id: '' })).toEqual([]);
  expect(await d.validate({ agent_id: UNKNOWN })).toEqual([]);
});

test('plan, apply, empty re-plan, replacement on change, read', async () => {
  const p = await d.plan({ agent_id: 'a' });
  expect(p.legacy).toBe(true);
  expect(plain(p.planned)).toEqual({ agent_id: 'a', id: '<unknown>' });
  const r = await d.create({ agent_id: 'a' });
  expect(r.step).toBe('done');
  expect(r.diagnostics).toEqual([]);
  expect(r.state!.id).toMatch(V4_UUID);
  expect(plain(r.state)).toEqual({ agent_id: 'a', id: r.state!.id });
  expect((await d.plan({ agent_id: 'a' }, r.state)).samePlannedBytes).toBe(true);
  const change = await d.plan({ agent_id: 'b' }, r.state);
  expect(change.requiresReplace).toEqual(expect.arrayContaining([[{ attribute: 'agent_id' }]]));
  expect(change.planned!.id).toBeInstanceOf(Unknown);
  expect(plain((await d.read(r.state!)).state)).toEqual(plain(r.state));
});

test('#83 TestExternalAgent/OK: agent_id is stored as given (e.g. the agent id)', async () => {
  const agentId = 'f7a3b6a4-0d2e-4b5e-9a7c-3c1f2e4d5a6b';
  const r = await d.create({ agent_id: agentId });
  expect(r.step).toBe('done');
  expect(r.state!.agent_id).toBe(agentId);
  expect(r.state!.id).not.toBe(agentId);
});
