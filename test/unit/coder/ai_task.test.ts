/**
 * coder_ai_task through the internal ProviderServer: explicit computed-only id, app_id (optional +
 * computed, IsUUID, ConflictsWith sidebar_app), the deprecated sidebar_app set block, the
 * CODER_TASK_ID / CODER_TASK_PROMPT semantics, the apply-time "'app_id' must be set" error that
 * still returns state (tainted object), re-plans, and the Go provider's TestAITask* rows (spec §6.1
 * rows 54–60).
 */
import { ResourceDriver, UNKNOWN, Unknown, V4_UUID, brief, errorsOf, plain, warningsOf, type Partial } from './resource_harness';

const TASK_ID = '7d8d4c2e-fb57-44f9-a183-22509819c2e7';
const APP_ID = '9a3ff7b4-4b3f-48c6-8d3a-a8118ac921fc';
const DEPRECATED = { severity: 'warning', summary: 'Argument is deprecated', detail: 'This field has been deprecated in favor of the `app_id` field.' };

const driver = (env: Record<string, string> = {}) => new ResourceDriver('coder_ai_task', env);
const d = driver();

describe('coder_ai_task schema', () => {
  test('explicit computed-only id with a description; app_id optional+computed; sidebar_app deprecated set', async () => {
    const r = await d.protocolSchema();
    expect(r.version).toBe(1);
    expect(r.block.attributes.map((a) => [a.name, a.type?.kind, !!a.required, !!a.optional, !!a.computed, !!a.sensitive, a.deprecated])).toEqual([
      ['app_id', 'string', false, true, true, false, false],
      ['enabled', 'bool', false, false, true, false, false],
      ['id', 'string', false, false, true, false, false],
      ['prompt', 'string', false, false, true, false, false],
    ]);
    expect(r.block.attributes.find((a) => a.name === 'id')!.description).not.toBe('');
    expect(r.block.blockTypes).toHaveLength(1);
    const sb = r.block.blockTypes[0]!;
    expect([sb.typeName, sb.nesting, sb.minItems, sb.maxItems, sb.block.deprecated]).toEqual(['sidebar_app', 'set', 0, 1, true]);
    expect(sb.block.attributes.map((a) => [a.name, a.type?.kind, a.required])).toEqual([['id', 'string', true]]);
  });
});

describe('coder_ai_task validation', () => {
  test('app_id must be a UUID (IsUUID text, key app_id)', async () => {
    expect(await d.validate({ app_id: APP_ID })).toEqual([]);
    expect(await d.validate({ app_id: APP_ID.toUpperCase() })).toEqual([]);
    expect(await d.validate({ app_id: '00000000-0000-0000-0000-000000000000' })).toEqual([]);
    const diags = await d.validate({ app_id: 'not-a-uuid' });
    expect(brief(diags)).toEqual([{ severity: 'error', summary: 'expected "app_id" to be a valid UUID, got not-a-uuid' }]);
    expect(diags[0]!.path).toEqual([{ attribute: 'app_id' }]);
    // IsUUID is strict: no braces, no urn prefix, no undashed form.
    for (const bad of [`{${APP_ID}}`, `urn:uuid:${APP_ID}`, APP_ID.replace(/-/g, ''), '']) {
      expect(errorsOf(await d.validate({ app_id: bad }))).toEqual([`expected "app_id" to be a valid UUID, got ${bad}`]);
    }
  });

  test('sidebar_app: deprecation warning; its id is IsUUID-checked with the flattened key', async () => {
    expect(brief(await d.validate({ sidebar_app: [{ id: APP_ID }] }))).toEqual([DEPRECATED]);
    const diags = await d.validate({ sidebar_app: [{ id: 'nope' }] });
    expect(brief(diags)).toEqual([{ severity: 'error', summary: 'expected "sidebar_app.0.id" to be a valid UUID, got nope' }, DEPRECATED]);
    // Inside a set the SDK can only point at the set itself.
    expect(diags.map((x) => x.path)).toEqual([[{ attribute: 'sidebar_app' }], [{ attribute: 'sidebar_app' }]]);
  });

  test('sidebar_app.id is required', async () => {
    expect(brief(await d.validate({ sidebar_app: [{}] }))).toEqual([
      { severity: 'error', summary: 'Missing required argument', detail: 'The argument "sidebar_app.0.id" is required, but no definition was found.' },
      DEPRECATED,
    ]);
  });

  test('app_id + sidebar_app: each side reports the conflict (no deprecation warning then)', async () => {
    const diags = brief(await d.validate({ app_id: APP_ID, sidebar_app: [{ id: APP_ID }] }));
    expect(diags).toEqual([
      { severity: 'error', summary: 'Conflicting configuration arguments', detail: '"app_id": conflicts with sidebar_app' },
      { severity: 'error', summary: 'Conflicting configuration arguments', detail: '"sidebar_app": conflicts with app_id' },
    ]);
  });

  test('unknown values skip validation (typical: app_id = coder_app.x.id)', async () => {
    expect(await d.validate({ app_id: UNKNOWN })).toEqual([]);
    expect(await d.validate({ sidebar_app: [{ id: UNKNOWN }] })).toEqual([]);
    expect(await d.validate({ app_id: UNKNOWN, sidebar_app: [{ id: UNKNOWN }] })).toEqual([]);
  });

  test('a known app_id conflicts with a sidebar_app block whose id is still unknown (Go provider: same)', async () => {
    // The SDK defers ConflictsWith only for a wholly unknown value; a block containing an unknown
    // is "set". sidebar_app's own checks are skipped because its value is not wholly known.
    expect(brief(await d.validate({ app_id: APP_ID, sidebar_app: [{ id: UNKNOWN }] }))).toEqual([
      { severity: 'error', summary: 'Conflicting configuration arguments', detail: '"app_id": conflicts with sidebar_app' },
    ]);
  });

  test('computed-only members cannot be configured', async () => {
    for (const [k, v] of [['id', APP_ID], ['prompt', 'p'], ['enabled', true]] as const) {
      expect(brief(await d.validate({ app_id: APP_ID, [k]: v }))).toEqual([
        {
          severity: 'error',
          summary: 'Value for unconfigurable attribute',
          detail: `Can't configure a value for "${k}": its value will be decided automatically based on the result of applying this configuration.`,
        },
      ]);
    }
  });

  test('an empty config validates (the missing app is an apply-time error)', async () => {
    expect(await d.validate({})).toEqual([]);
  });
});

describe('coder_ai_task plan', () => {
  test('create: id, prompt, enabled unknown; configured app_id kept', async () => {
    const p = await d.plan({ app_id: APP_ID });
    expect(p.diagnostics).toEqual([]);
    expect(p.legacy).toBe(true);
    expect(plain(p.planned)).toEqual({ app_id: APP_ID, enabled: '<unknown>', id: '<unknown>', prompt: '<unknown>', sidebar_app: [] });
  });

  test('create with sidebar_app: app_id unknown (filled at apply)', async () => {
    const p = await d.plan({ sidebar_app: [{ id: APP_ID }] });
    expect(plain(p.planned)).toEqual({ app_id: '<unknown>', enabled: '<unknown>', id: '<unknown>', prompt: '<unknown>', sidebar_app: [{ id: APP_ID }] });
  });
});

describe('coder_ai_task apply and CODER_TASK_ID', () => {
  test('outside a task: random v4 id, enabled = false, prompt null', async () => {
    const r = await d.create({ app_id: APP_ID });
    expect(r.step).toBe('done');
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.id).toMatch(V4_UUID);
    expect(plain(r.state)).toEqual({ app_id: APP_ID, enabled: false, id: r.state!.id, prompt: null, sidebar_app: [] });
  });

  test('inside a task: id = CODER_TASK_ID, enabled = true, prompt copied', async () => {
    const r = await driver({ CODER_TASK_ID: TASK_ID, CODER_TASK_PROMPT: 'some task prompt' }).create({ app_id: APP_ID });
    expect(plain(r.state)).toEqual({ app_id: APP_ID, enabled: true, id: TASK_ID, prompt: 'some task prompt', sidebar_app: [] });
  });

  test.each([
    ['uppercase', TASK_ID.toUpperCase()],
    ['braces', `{${TASK_ID}}`],
    ['any outer characters of the 38-byte form', `(${TASK_ID.toUpperCase()}]`],
    ['urn prefix', `urn:uuid:${TASK_ID}`],
    ['URN prefix in capitals', `URN:UUID:${TASK_ID}`],
    ['32 hex digits', TASK_ID.replace(/-/g, '')],
  ])('CODER_TASK_ID forms google/uuid accepts are normalised: %s', async (_n, raw) => {
    const r = await driver({ CODER_TASK_ID: raw }).create({ app_id: APP_ID });
    expect([r.state!.id, r.state!.enabled]).toEqual([TASK_ID, true]);
  });

  test.each([
    ['empty', ''],
    ['malformed', 'not a valid UUID'],
    ['wrong separator', TASK_ID.replace(/-/g, '_')],
    ['nil UUID', '00000000-0000-0000-0000-000000000000'],
    ['nil UUID, 32-digit form', '0'.repeat(32)],
    ['bad urn prefix', `urn:uuix:${TASK_ID}`],
  ])('not a task (no error): CODER_TASK_ID %s', async (_n, raw) => {
    const r = await driver({ CODER_TASK_ID: raw }).create({ app_id: APP_ID });
    expect(r.step).toBe('done');
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.id).toMatch(V4_UUID);
    expect(r.state!.enabled).toBe(false);
  });

  test('prompt without a task id is still copied; an empty prompt stays null', async () => {
    expect((await driver({ CODER_TASK_PROMPT: 'hello' }).create({ app_id: APP_ID })).state!.prompt).toBe('hello');
    expect((await driver({ CODER_TASK_ID: TASK_ID, CODER_TASK_PROMPT: '' }).create({ app_id: APP_ID })).state!.prompt).toBeNull();
  });

  test('sidebar_app fills app_id at apply', async () => {
    const r = await d.create({ sidebar_app: [{ id: APP_ID }] });
    expect(r.step).toBe('done');
    expect(warningsOf(r.diagnostics)).toEqual(['Argument is deprecated: This field has been deprecated in favor of the `app_id` field.']);
    expect(plain(r.state)).toEqual({ app_id: APP_ID, enabled: false, id: r.state!.id, prompt: null, sidebar_app: [{ id: APP_ID }] });
  });

  test("no app: apply-time error, state with id and enabled still returned (tainted object)", async () => {
    const dd = driver({ CODER_TASK_ID: TASK_ID, CODER_TASK_PROMPT: 'p' });
    const p = await dd.plan({});
    expect(p.diagnostics).toEqual([]);
    const a = await dd.apply(p.planned!, {});
    expect(brief(a.diagnostics)).toEqual([{ severity: 'error', summary: "'app_id' must be set" }]);
    expect(plain(a.state)).toEqual({ app_id: null, enabled: true, id: TASK_ID, prompt: 'p', sidebar_app: [] });
  });
});

describe('coder_ai_task re-plan', () => {
  test('app_id: empty re-plan; change replaces', async () => {
    const r = await d.create({ app_id: APP_ID });
    const again = await d.plan({ app_id: APP_ID }, r.state);
    expect(again.requiresReplace).toEqual([]);
    expect(again.samePlannedBytes).toBe(true);
    const other = await d.plan({ app_id: '11111111-2222-4333-8444-555555555555' }, r.state);
    expect(other.requiresReplace).toEqual(expect.arrayContaining([[{ attribute: 'app_id' }]]));
    expect(other.planned!.id).toBeInstanceOf(Unknown);
    expect(other.planned!.enabled).toBeInstanceOf(Unknown);
  });

  test('sidebar_app: the computed app_id is kept, so the re-plan is empty', async () => {
    const r = await d.create({ sidebar_app: [{ id: APP_ID }] });
    const again = await d.plan({ sidebar_app: [{ id: APP_ID }] }, r.state);
    expect(again.requiresReplace).toEqual([]);
    expect(again.samePlannedBytes).toBe(true);
  });

  test('moving from sidebar_app to app_id (same value) is a replacement: the block went away', async () => {
    const r = await d.create({ sidebar_app: [{ id: APP_ID }] });
    const p = await d.plan({ app_id: APP_ID }, r.state);
    expect(p.requiresReplace).toEqual(expect.arrayContaining([[{ attribute: 'sidebar_app' }]]));
  });

  test('the task env changing between builds is no diff (id, prompt, enabled are computed)', async () => {
    const r = await d.create({ app_id: APP_ID });
    const again = await driver({ CODER_TASK_ID: TASK_ID, CODER_TASK_PROMPT: 'x' }).plan({ app_id: APP_ID }, r.state);
    expect(again.samePlannedBytes).toBe(true);
  });

  test('read returns the state unchanged', async () => {
    const r = await driver({ CODER_TASK_ID: TASK_ID }).create({ app_id: APP_ID });
    expect(plain((await d.read(r.state!)).state)).toEqual(plain(r.state));
  });
});

/** Go tests: ai_task_test.go (spec §6.1 rows 54–60). */
describe('Go TestAITask rows', () => {
  const cfg: Partial = { app_id: APP_ID };

  test('#54 TestAITask_Enabled/EnabledWhenTask', async () => {
    const r = await driver({ CODER_TASK_ID: TASK_ID }).create(cfg);
    expect(r.state!.enabled).toBe(true);
  });

  test('#55 TestAITask_Enabled/DisabledWhenWorkspace', async () => {
    const r = await driver({ CODER_TASK_ID: '' }).create(cfg);
    expect(r.state!.enabled).toBe(false);
  });

  test('#56 TestAITask/OK', async () => {
    const r = await driver({ CODER_TASK_ID: TASK_ID, CODER_TASK_PROMPT: 'some task prompt' }).create(cfg);
    const s = r.state!;
    for (const k of ['id', 'prompt', 'app_id', 'enabled']) expect(String(s[k] ?? '')).not.toBe('');
    expect(s.id).toBe(TASK_ID);
    expect(s.prompt).toBe('some task prompt');
  });

  test('#57 TestAITask/InvalidAppID', async () => {
    const r = await d.create({ app_id: 'not-a-uuid' });
    expect(r.step).toBe('validate');
    expect(errorsOf(r.diagnostics).join('\n')).toMatch(/expected "app_id" to be a valid UUID/);
  });

  test('#58 TestAITask/DeprecatedSidebarApp', async () => {
    const r = await driver({ CODER_TASK_ID: TASK_ID, CODER_TASK_PROMPT: 'some task prompt' }).create({ sidebar_app: [{ id: APP_ID }] });
    expect(r.step).toBe('done');
    const s = r.state!;
    for (const k of ['id', 'prompt', 'app_id', 'enabled']) expect(String(s[k] ?? '')).not.toBe('');
    expect(s.sidebar_app).toHaveLength(1);
    expect((s.sidebar_app as Partial[])[0]!.id).toBe(APP_ID);
    expect(s.app_id).toBe(APP_ID);
  });

  test('#59 TestAITask/ConflictingFields', async () => {
    const r = await d.create({ app_id: APP_ID, sidebar_app: [{ id: APP_ID }] });
    expect(r.step).toBe('validate');
    expect(errorsOf(r.diagnostics).join('\n')).toMatch(/"app_id": conflicts with sidebar_app/);
  });

  test('#60 TestAITask/NoAppID', async () => {
    const r = await d.create({});
    expect(r.step).toBe('apply');
    expect(errorsOf(r.diagnostics).join('\n')).toMatch(/'app_id' must be set/);
  });
});
