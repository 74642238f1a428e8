/**
 * coder_app through the internal ProviderServer: schema, validators with the SDK's exact texts,
 * ConflictsWith (explicit false / "" count as set), defaults, plan/apply/re-plan shapes, apply-time
 * hidden warnings, and the rows of the Go provider's TestApp (spec §6.1 rows 24–53).
 */
import { ResourceDriver, UNKNOWN, Unknown, V4_UUID, brief, errorsOf, plain, warningsOf, type Partial } from './resource_harness';

const d = new ResourceDriver('coder_app');
const base: Partial = { agent_id: 'agent-1', slug: 'code-server' };

const conflict = (a: string, b: string) => ({ severity: 'error', summary: 'Conflicting configuration arguments', detail: `"${a}": conflicts with ${b}` });

describe('coder_app schema', () => {
  test('attributes, flags and blocks as the Go provider declares them', async () => {
    const r = await d.protocolSchema();
    expect(r.version).toBe(1);
    const flags = Object.fromEntries(
      r.block.attributes.map((a) => [a.name, [a.type?.kind, a.required ? 'R' : '', a.optional ? 'O' : '', a.computed ? 'C' : '', a.sensitive ? 'S' : ''].join('')]),
    );
    expect(flags).toEqual({
      agent_id: 'stringR',
      command: 'stringO',
      display_name: 'stringO',
      external: 'boolO',
      group: 'stringO',
      hidden: 'boolO',
      icon: 'stringO',
      id: 'stringOC',
      open_in: 'stringO',
      order: 'numberO',
      share: 'stringO',
      slug: 'stringR',
      subdomain: 'boolO',
      tooltip: 'stringO',
      url: 'stringO',
    });
    expect(r.block.blockTypes).toHaveLength(1);
    const hc = r.block.blockTypes[0]!;
    expect([hc.typeName, hc.nesting, hc.minItems, hc.maxItems]).toEqual(['healthcheck', 'set', 0, 1]);
    expect(hc.block.attributes.map((a) => [a.name, a.type?.kind, a.required])).toEqual([
      ['interval', 'number', true],
      ['threshold', 'number', true],
      ['url', 'string', true],
    ]);
    expect(r.block.attributes.every((a) => a.descriptionKind === 'plain' && !a.deprecated)).toBe(true);
  });
});

describe('coder_app validation', () => {
  test.each([
    ['a'],
    ['code-server'],
    ['a1-b2-c3'],
    ['0'],
  ])('slug %p is accepted', async (slug) => {
    expect(await d.validate({ ...base, slug })).toEqual([]);
  });

  test.each([['-a'], ['a-'], ['a--b'], ['Code'], [''], ['a_b'], ['a b'], ['ü'], ['a\n']])('slug %p is rejected with the Go message', async (slug) => {
    const quoted = JSON.stringify(slug).replace(/\\u00fc/g, 'ü');
    expect(brief(await d.validate({ ...base, slug }))).toEqual([
      {
        severity: 'error',
        summary: `invalid "coder_app" slug, must be a valid hostname ("^[a-z0-9](-?[a-z0-9])*$", cannot contain two consecutive hyphens or start/end with a hyphen): ${quoted}`,
      },
    ]);
  });

  test('slug errors point at the attribute', async () => {
    const [diag] = await d.validate({ ...base, slug: 'A' });
    expect(diag!.path).toEqual([{ attribute: 'slug' }]);
  });

  test('display_name: 64 bytes pass, 65 fail; limit counts UTF-8 bytes', async () => {
    expect(await d.validate({ ...base, display_name: '' })).toEqual([]);
    expect(await d.validate({ ...base, display_name: 'Regular Application' })).toEqual([]);
    expect(await d.validate({ ...base, display_name: 'x'.repeat(64) })).toEqual([]);
    expect(errorsOf(await d.validate({ ...base, display_name: 'x'.repeat(65) }))).toEqual(['display name is too long (max 64 characters)']);
    // 33 two-byte characters = 66 bytes (Go len), only 33 characters.
    expect(errorsOf(await d.validate({ ...base, display_name: 'é'.repeat(33) }))).toEqual(['display name is too long (max 64 characters)']);
    expect(await d.validate({ ...base, display_name: 'é'.repeat(32) })).toEqual([]);
  });

  test('group: at most 64 bytes', async () => {
    expect(await d.validate({ ...base, group: 'g'.repeat(64) })).toEqual([]);
    expect(errorsOf(await d.validate({ ...base, group: 'g'.repeat(65) }))).toEqual(['group name is too long (max 64 characters)']);
    expect(errorsOf(await d.validate({ ...base, group: '€'.repeat(22) }))).toEqual(['group name is too long (max 64 characters)']);
  });

  test('tooltip: at most 2048 bytes', async () => {
    expect(await d.validate({ ...base, tooltip: '' })).toEqual([]);
    expect(await d.validate({ ...base, tooltip: 'a'.repeat(2048) })).toEqual([]);
    expect(errorsOf(await d.validate({ ...base, tooltip: 'a'.repeat(2049) }))).toEqual(['tooltip is too long (max 2048 characters)']);
  });

  test('share: owner, authenticated, public', async () => {
    for (const share of ['owner', 'authenticated', 'public']) expect(await d.validate({ ...base, share })).toEqual([]);
    expect(errorsOf(await d.validate({ ...base, share: 'blah' }))).toEqual(['invalid app share "blah", must be one of "owner", "authenticated", "public"']);
    expect(errorsOf(await d.validate({ ...base, share: 'Owner' }))).toEqual(['invalid app share "Owner", must be one of "owner", "authenticated", "public"']);
    expect(errorsOf(await d.validate({ ...base, share: '' }))).toEqual(['invalid app share "", must be one of "owner", "authenticated", "public"']);
  });

  test('open_in: tab or slim-window, value Go-quoted in the error', async () => {
    for (const open_in of ['tab', 'slim-window']) expect(await d.validate({ ...base, open_in })).toEqual([]);
    expect(errorsOf(await d.validate({ ...base, open_in: 'nonsense' }))).toEqual(['invalid "coder_app" open_in value, must be one of "tab", "slim-window": "nonsense"']);
    expect(errorsOf(await d.validate({ ...base, open_in: 'a"b\t' }))).toEqual(['invalid "coder_app" open_in value, must be one of "tab", "slim-window": "a\\"b\\t"']);
  });

  test('icon: anything Go url.Parse accepts; its error text otherwise', async () => {
    for (const icon of ['', '/icon/region.svg', 'builtin:vim', 'https://example.com/x.svg?y#z', '/emojis/1f4bb.png']) {
      expect(await d.validate({ ...base, icon })).toEqual([]);
    }
    expect(brief(await d.validate({ ...base, icon: '/icon%.svg' }))).toEqual([{ severity: 'error', summary: 'parse "/icon%.svg": invalid URL escape "%.s"' }]);
    expect(errorsOf(await d.validate({ ...base, icon: 'http://example .com' }))).toEqual(['parse "http://example .com": invalid character " " in host name']);
  });

  test('url, command, healthcheck.url and tooltip are not URL-validated', async () => {
    expect(await d.validate({ ...base, url: '%zz not a url' })).toEqual([]);
    expect(await d.validate({ ...base, command: '%zz' })).toEqual([]);
    expect(await d.validate({ ...base, healthcheck: [{ url: '%zz', interval: -1, threshold: 0 }] })).toEqual([]);
  });

  test('order must be a whole number (SDK TypeInt)', async () => {
    expect(await d.validate({ ...base, order: -3 })).toEqual([]);
    expect(errorsOf(await d.validate({ ...base, order: 1.5 }))).toEqual(['Attribute must be a whole number, got 1.5']);
  });

  test('unknown values are not validated', async () => {
    expect(await d.validate({ ...base, slug: UNKNOWN, icon: UNKNOWN, display_name: UNKNOWN, share: UNKNOWN, open_in: UNKNOWN })).toEqual([]);
  });

  test('missing required arguments', async () => {
    expect(brief(await d.validate({ slug: 'a' }))).toEqual([
      { severity: 'error', summary: 'Missing required argument', detail: 'The argument "agent_id" is required, but no definition was found.' },
    ]);
    expect(brief(await d.validate({ agent_id: 'a' }))).toEqual([
      { severity: 'error', summary: 'Missing required argument', detail: 'The argument "slug" is required, but no definition was found.' },
    ]);
  });

  test('healthcheck fields are required', async () => {
    const diags = await d.validate({ ...base, healthcheck: [{ url: 'http://localhost/healthz', interval: 5 }] });
    expect(brief(diags)).toEqual([
      { severity: 'error', summary: 'Missing required argument', detail: 'The argument "healthcheck.0.threshold" is required, but no definition was found.' },
    ]);
    // Diagnostics inside a set point at the set (the SDK cannot address set elements).
    expect(diags[0]!.path).toEqual([{ attribute: 'healthcheck' }]);
  });
});

describe('coder_app ConflictsWith', () => {
  const sorted = (x: unknown[]) => [...x].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  test.each<[string, Partial, { severity: string; summary: string; detail: string }[]]>([
    ['command + url: both sides report', { command: 'ls', url: 'http://localhost' }, [conflict('command', 'url'), conflict('url', 'command')]],
    ['command + subdomain = true', { command: 'ls', subdomain: true }, [conflict('command', 'subdomain')]],
    ['command + subdomain = false (explicit false counts)', { command: 'ls', subdomain: false }, [conflict('command', 'subdomain')]],
    ['command + healthcheck', { command: 'ls', healthcheck: [{ url: 'u', interval: 1, threshold: 1 }] }, [conflict('healthcheck', 'command')]],
    ['command + url = "" (empty string counts)', { command: 'ls', url: '' }, [conflict('command', 'url'), conflict('url', 'command')]],
    ['external + command', { external: true, command: 'ls' }, [conflict('external', 'command')]],
    ['external + healthcheck', { external: true, healthcheck: [{ url: 'u', interval: 1, threshold: 1 }] }, [conflict('external', 'healthcheck')]],
    ['external + subdomain', { external: true, subdomain: true }, [conflict('external', 'subdomain')]],
    ['external + share', { external: true, share: 'owner' }, [conflict('external', 'share')]],
    ['external = false + share (explicit false counts)', { external: false, share: 'owner' }, [conflict('external', 'share')]],
    ['external = false + healthcheck', { external: false, healthcheck: [{ url: 'u', interval: 1, threshold: 1 }] }, [conflict('external', 'healthcheck')]],
  ])('%s', async (_name, extra, expected) => {
    expect(sorted(brief(await d.validate({ ...base, ...extra })))).toEqual(sorted(expected));
  });

  test('a healthcheck block containing an unknown still counts as set for external (Go provider: same)', async () => {
    expect(brief(await d.validate({ ...base, external: true, healthcheck: [{ url: UNKNOWN, interval: 1, threshold: 1 }] }))).toEqual([
      conflict('external', 'healthcheck'),
    ]);
    // ...while the healthcheck's own ConflictsWith is skipped (its value is not wholly known).
    expect(await d.validate({ ...base, command: 'ls', healthcheck: [{ url: UNKNOWN, interval: 1, threshold: 1 }] })).toEqual([]);
  });

  test('external reports only its first conflicting key', async () => {
    expect(brief(await d.validate({ ...base, external: true, subdomain: true, share: 'public' }))).toEqual([conflict('external', 'subdomain')]);
  });

  test.each<[string, Partial]>([
    ['url + subdomain', { url: 'http://localhost:8080', subdomain: true }],
    ['external omitted + share (defaults do not count)', { share: 'public' }],
    ['external + url', { external: true, url: 'https://coder.com' }],
    ['url + healthcheck', { url: 'http://localhost', healthcheck: [{ url: 'u', interval: 1, threshold: 1 }] }],
    ['command alone', { command: 'htop' }],
    ['command + unknown url (deferred)', { command: 'htop', url: UNKNOWN }],
  ])('no conflict: %s', async (_name, extra) => {
    expect(await d.validate({ ...base, ...extra })).toEqual([]);
  });
});

describe('coder_app plan and apply', () => {
  const createPlanned = {
    agent_id: 'agent-1',
    command: null,
    display_name: null,
    external: false,
    group: null,
    healthcheck: [],
    hidden: false,
    icon: null,
    id: '<unknown>',
    open_in: 'slim-window',
    order: null,
    share: 'owner',
    slug: 'code-server',
    subdomain: null,
    tooltip: null,
    url: null,
  };

  test('create: defaults planned, id unknown, subdomain stays null', async () => {
    const p = await d.plan(base);
    expect(p.diagnostics).toEqual([]);
    expect(p.legacy).toBe(true);
    expect(plain(p.planned)).toEqual(createPlanned);
  });

  test('apply: v4 UUID id, state in the SDK shape', async () => {
    const r = await d.create(base);
    expect(r.step).toBe('done');
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.id).toMatch(V4_UUID);
    expect(plain(r.state)).toEqual({ ...createPlanned, id: r.state!.id });
  });

  test('apply with every attribute: values kept, healthcheck shaped', async () => {
    const full: Partial = {
      ...base,
      display_name: 'code-server',
      icon: 'builtin:vim',
      subdomain: false,
      url: 'http://localhost:13337',
      healthcheck: [{ url: 'http://localhost:13337/healthz', interval: 5, threshold: 6 }],
      group: 'Apps',
      order: 4,
      hidden: false,
      open_in: 'slim-window',
      tooltip: 'You need [Coder Desktop](https://coder.com/docs) to use this button.',
    };
    const r = await d.create(full);
    expect(r.step).toBe('done');
    expect(plain(r.state)).toEqual({
      ...createPlanned,
      id: r.state!.id,
      display_name: 'code-server',
      icon: 'builtin:vim',
      subdomain: false,
      url: 'http://localhost:13337',
      healthcheck: [{ url: 'http://localhost:13337/healthz', interval: 5, threshold: 6 }],
      group: 'Apps',
      order: 4,
      tooltip: 'You need [Coder Desktop](https://coder.com/docs) to use this button.',
    });
    // The post-apply re-plan is empty: planned state is the prior state, byte for byte.
    const again = await d.plan(full, r.state);
    expect(again.diagnostics).toEqual([]);
    expect(again.requiresReplace).toEqual([]);
    expect(again.samePlannedBytes).toBe(true);
  });

  test('no-op re-plan with the defaults written explicitly (default equals value)', async () => {
    const r = await d.create(base);
    const again = await d.plan({ ...base, share: 'owner', open_in: 'slim-window', hidden: false, external: false }, r.state);
    expect(again.requiresReplace).toEqual([]);
    expect(again.samePlannedBytes).toBe(true);
  });

  test('no-op re-plan against an SDK-written state (empty healthcheck set, nulls at top level)', async () => {
    const sdkState = d.config({ ...base, id: '0b0e6d0a-1111-4222-8333-444455556666', external: false, hidden: false, open_in: 'slim-window', share: 'owner' });
    const again = await d.plan(base, sdkState);
    expect(again.requiresReplace).toEqual([]);
    expect(again.samePlannedBytes).toBe(true);
  });

  test.each<[string, Partial, string]>([
    ['slug', { slug: 'other' }, 'slug'],
    ['display_name', { display_name: 'X' }, 'display_name'],
    ['share', { share: 'public' }, 'share'],
    ['subdomain', { subdomain: true }, 'subdomain'],
    ['healthcheck added', { healthcheck: [{ url: 'u', interval: 1, threshold: 1 }] }, 'healthcheck'],
    ['hidden', { hidden: true }, 'hidden'],
    ['order', { order: 2 }, 'order'],
  ])('a change of %s plans a replacement', async (_n, change, attrName) => {
    const r = await d.create(base);
    const p = await d.plan({ ...base, ...change }, r.state);
    expect(p.diagnostics).toEqual([]);
    // requires_replace names the changed attribute (the framework decides whether `id` is added).
    expect(p.requiresReplace).toEqual(expect.arrayContaining([[{ attribute: attrName }]]));
    expect(p.planned!.id).toBeInstanceOf(Unknown);
  });

  test('a healthcheck change inside the set plans a replacement', async () => {
    const cfg = { ...base, healthcheck: [{ url: 'u', interval: 1, threshold: 1 }] };
    const r = await d.create(cfg);
    const p = await d.plan({ ...base, healthcheck: [{ url: 'u', interval: 2, threshold: 1 }] }, r.state);
    expect(p.requiresReplace).toEqual(expect.arrayContaining([[{ attribute: 'healthcheck' }]]));
    expect(p.planned!.id).toBeInstanceOf(Unknown);
  });

  test('null in state vs an explicit zero value in config is no change (SDK string comparison)', async () => {
    // subdomain/order/display_name are null in state when omitted; the SDK compares primitives as
    // strings with absent = zero value, so `false`, `0` and `""` plan nothing (Go provider: same).
    const r = await d.create(base);
    const p = await d.plan({ ...base, subdomain: false, order: 0, display_name: '' }, r.state);
    expect(p.requiresReplace).toEqual([]);
    expect(p.samePlannedBytes).toBe(true);
  });

  test('read returns the state unchanged', async () => {
    const r = await d.create(base);
    const read = await d.read(r.state!);
    expect(plain(read.state)).toEqual(plain(r.state));
  });
});

describe('coder_app hidden warnings (apply time)', () => {
  test('hidden with display_name, icon and order: one warning each, after apply only', async () => {
    const cfg = { ...base, hidden: true, display_name: 'Name', icon: '/icon/code.svg', order: 3 };
    expect(await d.validate(cfg)).toEqual([]);
    const p = await d.plan(cfg);
    expect(p.diagnostics).toEqual([]);
    const a = await d.apply(p.planned!, cfg);
    expect(brief(a.diagnostics)).toEqual([
      { severity: 'warning', summary: '`display_name` set when app is hidden' },
      { severity: 'warning', summary: '`icon` set when app is hidden' },
      { severity: 'warning', summary: '`order` set when app is hidden' },
    ]);
    expect(a.state!.id).toMatch(V4_UUID);
    expect(a.state!.hidden).toBe(true);
  });

  test('zero values do not warn: display_name "", icon "", order 0', async () => {
    const r = await d.create({ ...base, hidden: true, display_name: '', icon: '', order: 0 });
    expect(r.step).toBe('done');
    expect(r.diagnostics).toEqual([]);
  });

  test('not hidden: no warnings', async () => {
    const r = await d.create({ ...base, hidden: false, display_name: 'Name', icon: '/icon/code.svg', order: 3 });
    expect(r.diagnostics).toEqual([]);
  });

  test('only the set ones warn', async () => {
    const r = await d.create({ ...base, hidden: true, order: 7 });
    expect(warningsOf(r.diagnostics)).toEqual(['`order` set when app is hidden']);
  });
});

/** The Go provider's own acceptance tests (app_test.go), spec §6.1 rows 24–53. */
describe('Go TestApp rows', () => {
  const codeServer: Partial = { agent_id: 'agent-id', slug: 'code-server', display_name: 'code-server', icon: 'builtin:vim', url: 'http://localhost:13337' };

  test('#24 OK: all listed attributes present and non-empty in flatmap terms', async () => {
    const r = await d.create({
      ...codeServer,
      subdomain: false,
      healthcheck: [{ url: 'http://localhost:13337/healthz', interval: 5, threshold: 6 }],
      group: 'Apps',
      order: 4,
      hidden: false,
      open_in: 'slim-window',
      tooltip: 'You need to [Install Coder Desktop](https://coder.com/docs/user-guides/desktop#install-coder-desktop) to use this button.',
    });
    expect(r.step).toBe('done');
    const s = r.state!;
    const hc = (s.healthcheck as Partial[])[0]!;
    for (const v of [s.agent_id, s.slug, s.display_name, s.icon, s.subdomain, s.share, s.url, hc.url, hc.interval, hc.threshold, s.group, s.order, s.hidden, s.open_in, s.tooltip]) {
      expect(v).not.toBeNull();
      expect(String(v).length).toBeGreaterThan(0);
    }
    expect(s.share).toBe('owner');
  });

  test('#25 External/Valid', async () => {
    const r = await d.create({ agent_id: 'a', slug: 'test', url: 'https://google.com', external: true });
    expect(r.step).toBe('done');
    expect(r.state!.external).toBe(true);
  });

  test.each([
    ['#26 SharingLevel/Default', undefined, 'owner'],
    ['#28 ExplicitOwner', 'owner', 'owner'],
    ['#29 ExplicitAuthenticated', 'authenticated', 'authenticated'],
    ['#30 ExplicitPublic', 'public', 'public'],
  ])('%s', async (_n, share, expected) => {
    const r = await d.create({ ...codeServer, ...(share ? { share } : {}) });
    expect(r.step).toBe('done');
    expect(r.state!.share).toBe(expected);
  });

  test('#27 SharingLevel/InvalidValue', async () => {
    const r = await d.create({ ...codeServer, share: 'blah' });
    expect(r.step).toBe('validate');
    expect(errorsOf(r.diagnostics).join('\n')).toMatch(/invalid app share "blah"/);
  });

  test.each([
    ['#31 OpenIn/default', undefined, 'slim-window'],
    ['#33 ExplicitSlimWindow', 'slim-window', 'slim-window'],
    ['#34 ExplicitTab', 'tab', 'tab'],
  ])('%s', async (_n, open_in, expected) => {
    const r = await d.create({ ...codeServer, ...(open_in ? { open_in } : {}) });
    expect(r.step).toBe('done');
    expect(r.state!.open_in).toBe(expected);
  });

  test('#32 OpenIn/InvalidValue', async () => {
    const r = await d.create({ ...codeServer, open_in: 'nonsense' });
    expect(errorsOf(r.diagnostics).join('\n')).toMatch(/invalid "coder_app" open_in value, must be one of "tab", "slim-window": "nonsense"/);
  });

  test('#35 Hidden/Is Hidden', async () => {
    const r = await d.create({ agent_id: 'a', slug: 'test', url: 'https://google.com', external: true, hidden: true });
    expect(r.step).toBe('done');
    expect([r.state!.hidden, r.state!.open_in]).toEqual([true, 'slim-window']);
  });

  test('#36 Hidden/Is Not Hidden', async () => {
    const r = await d.create({ agent_id: 'a', slug: 'test', url: 'https://google.com', external: true, hidden: false, open_in: 'tab' });
    expect(r.step).toBe('done');
    expect([r.state!.hidden, r.state!.open_in]).toEqual([false, 'tab']);
  });

  test.each([
    ['#37 DisplayName/Empty', ''],
    ['#38 DisplayName/Regular', 'Regular Application'],
    ['#39 DisplayName/DisplayNameStillOK', 'x'.repeat(64)],
  ])('%s', async (_n, display_name) => {
    expect((await d.create({ ...codeServer, display_name })).step).toBe('done');
  });

  test('#40 DisplayName/DisplayNameTooLong', async () => {
    const r = await d.create({ ...codeServer, display_name: 'x'.repeat(65) });
    expect(errorsOf(r.diagnostics).join('\n')).toMatch(/display name is too long/);
  });

  test.each([
    ['#41 Icon/Empty', ''],
    ['#42 Icon/ValidURL', '/icon/region.svg'],
  ])('%s', async (_n, icon) => {
    expect((await d.create({ ...codeServer, icon })).step).toBe('done');
  });

  test('#43 Icon/InvalidURL', async () => {
    const r = await d.create({ ...codeServer, icon: '/icon%.svg' });
    expect(errorsOf(r.diagnostics).join('\n')).toMatch(/invalid URL escape/);
  });

  test.each([
    ['#44 Tooltip/Empty', ''],
    ['#45 Tooltip/ValidTooltip', 'You need to [Install Coder Desktop](https://coder.com/docs/user-guides/desktop#install-coder-desktop) to use this button.'],
  ])('%s', async (_n, tooltip) => {
    expect((await d.create({ ...codeServer, tooltip })).step).toBe('done');
  });

  test('#46 Tooltip/TooltipTooLong', async () => {
    const r = await d.create({ ...codeServer, tooltip: 'a'.repeat(2049) });
    expect(errorsOf(r.diagnostics).join('\n')).toMatch(/tooltip is too long/);
  });

  test.each<[string, Partial, RegExp]>([
    ['#47 CommandAndSubdomain', { agent_id: 'a', slug: 'x', command: 'read -p "Press enter to continue"', subdomain: true }, /conflicts with subdomain/],
    ['#48 URLAndCommand', { agent_id: 'a', slug: 'x', url: 'https://google.com', command: 'read' }, /conflicts with command/],
    ['#49 HealthcheckAndCommand', { agent_id: 'a', slug: 'x', command: 'read', healthcheck: [{ url: 'http://localhost:13337/healthz', interval: 5, threshold: 6 }] }, /conflicts with command/],
    ['#50 ExternalAndHealthcheck', { agent_id: 'a', slug: 'x', url: 'https://google.com', external: true, healthcheck: [{ url: 'u', interval: 5, threshold: 6 }] }, /conflicts with healthcheck/],
    ['#51 ExternalAndCommand', { agent_id: 'a', slug: 'x', command: 'read', external: true }, /conflicts with command/],
    ['#52 ExternalAndSubdomain', { agent_id: 'a', slug: 'x', url: 'https://google.com', subdomain: true, external: true }, /conflicts with subdomain/],
    ['#53 ExternalAndShare', { agent_id: 'a', slug: 'x', url: 'https://google.com', external: true, share: 'owner' }, /conflicts with share/],
  ])('ConflictsWith %s', async (_n, cfg, re) => {
    const r = await d.create(cfg);
    expect(r.step).toBe('validate');
    expect(errorsOf(r.diagnostics).join('\n')).toMatch(re);
  });
});

describe('coder_app stored state and import', () => {
  test('UpgradeResourceState drops historic attributes (name, relative_path) and fills missing ones', async () => {
    const stored = {
      id: '0b0e6d0a-1111-4222-8333-444455556666',
      agent_id: 'a',
      slug: 'code-server',
      name: 'old name',
      relative_path: true,
      share: 'owner',
      healthcheck: [{ url: 'http://localhost/healthz', interval: 5, threshold: 6 }],
    };
    const r = await d.upgrade(stored, 0);
    expect(r.diagnostics).toEqual([]);
    expect(plain(r.state)).toEqual({
      agent_id: 'a',
      command: null,
      display_name: null,
      external: null,
      group: null,
      healthcheck: [{ url: 'http://localhost/healthz', interval: 5, threshold: 6 }],
      hidden: null,
      icon: null,
      id: '0b0e6d0a-1111-4222-8333-444455556666',
      open_in: null,
      order: null,
      share: 'owner',
      slug: 'code-server',
      subdomain: null,
      tooltip: null,
      url: null,
    });
  });

  test('import is not supported', async () => {
    expect(brief(await d.import('x'))).toEqual([{ severity: 'error', summary: "resource coder_app doesn't support import" }]);
  });
});

