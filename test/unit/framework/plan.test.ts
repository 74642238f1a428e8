import { changedMembers, dedupeSet } from '../../../provider/framework/diff';
import { planNew, shapeState, withDefaults } from '../../../provider/framework/defaults';
import { attr, block, type BodySpec } from '../../../provider/framework/schema';
import { UNKNOWN, Unknown, obj } from '../../../provider/values/value';

const body: BodySpec = {
  attributes: {
    id: attr.string({ optional: true, computed: true, description: '' }),
    name: attr.string({ required: true, forceNew: true, description: '' }),
    mode: attr.string({ optional: true, default: 'a', description: '' }),
    order: attr.int({ optional: true, description: '' }),
    hide: attr.bool({ optional: true, description: '' }),
    env: attr.stringMap({ optional: true, description: '' }),
    token: attr.string({ computed: true, description: '' }),
  },
  blocks: {
    apps: block.set({
      maxItems: 1,
      computed: true,
      description: '',
      attributes: { a: attr.bool({ optional: true, default: true, description: '' }), b: attr.bool({ optional: true, default: false, description: '' }) },
    }),
    item: block.list({
      description: '',
      attributes: { key: attr.string({ required: true, description: '' }), value: attr.string({ optional: true, description: '' }), n: attr.int({ optional: true, description: '' }) },
    }),
  },
};

const config = (o: Record<string, unknown> = {}) =>
  obj({ id: null, name: 'x', mode: null, order: null, hide: null, env: null, token: null, apps: [], item: [], ...(o as object) } as never);

describe('planning a new object', () => {
  it('takes config, then defaults, then unknown for computed members', () => {
    const p = planNew(body, withDefaults(body, config({ item: [obj({ key: 'k', value: null, n: null })] })));
    expect(p.mode).toBe('a');
    expect(p.order).toBeNull();
    expect(p.token).toBeInstanceOf(Unknown);
    expect(p.id).toBeInstanceOf(Unknown);
    // An omitted Optional+Computed block is filled by the provider, so it is unknown.
    expect(p.apps).toBeInstanceOf(Unknown);
    expect(p.item).toEqual([obj({ key: 'k', value: null, n: null })]);
  });

  it('fills block defaults inside configured blocks', () => {
    const p = planNew(body, withDefaults(body, config({ apps: [obj({ a: null, b: true })] })));
    expect(p.apps).toEqual([obj({ a: true, b: true })]);
  });
});

describe('state shapes after apply', () => {
  it('keeps top-level nulls, zeroes nested nulls, turns leftover unknowns into null and empty maps into null', () => {
    const s = shapeState(body, obj({ id: 'i', name: 'x', mode: 'a', order: null, hide: null, env: obj(), token: UNKNOWN, apps: [], item: [obj({ key: 'k', value: null, n: null })] }));
    expect(s.order).toBeNull();
    expect(s.env).toBeNull();
    expect(s.token).toBeNull();
    expect(s.item).toEqual([obj({ key: 'k', n: 0, value: '' })]);
  });
});

describe('change detection with SDK equality', () => {
  const prior = shapeState(body, obj({ id: 'i', name: 'x', mode: 'a', order: null, hide: null, env: null, token: 't', apps: [obj({ a: true, b: false })], item: [obj({ key: 'k', value: null, n: null })] }));
  const changes = (o: Record<string, unknown>) => changedMembers(body, prior, withDefaults(body, config(o))).map((p) => (p[0] as { attribute: string }).attribute);

  it('sees no change for the same config', () => {
    expect(changes({ item: [obj({ key: 'k', value: null, n: null })] })).toEqual([]);
  });
  it('treats null and the zero value as equal, as the Go provider does', () => {
    expect(changes({ order: 0, hide: false, env: obj(), item: [obj({ key: 'k', value: '', n: 0 })] })).toEqual([]);
  });
  it('keeps a computed block the config omits, and compares a configured one as a set', () => {
    expect(changes({ item: [obj({ key: 'k', value: null, n: null })], apps: [obj({ a: null, b: null })] })).toEqual([]);
    expect(changes({ item: [obj({ key: 'k', value: null, n: null })], apps: [obj({ a: false, b: null })] })).toEqual(['apps']);
  });
  it('reports real changes and unknowns', () => {
    expect(changes({ name: 'y', item: [obj({ key: 'k', value: null, n: null })] })).toEqual(['name']);
    expect(changes({ item: [obj({ key: 'k', value: 'v', n: null })] })).toEqual(['item']);
    expect(changes({ item: [] })).toEqual(['item']);
    expect(changes({ mode: UNKNOWN, item: [obj({ key: 'k', value: null, n: null })] })).toEqual(['mode']);
  });
  it('collapses identical set elements', () => {
    expect(dedupeSet(body.blocks!.apps!, [obj({ a: true, b: false }), obj({ a: true, b: false })])).toHaveLength(1);
  });
});
