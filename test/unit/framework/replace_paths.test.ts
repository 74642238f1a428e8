/**
 * Replacement paths and empty maps as the Go provider (SDK v2) reports them through real tofu;
 * found by the parity corpus (test/parity). The expected paths are what `tofu show -json` gave
 * for coder_metadata with the Go provider.
 */
import { changedMembers, replacePaths } from '../../../provider/framework/diff';
import { planNew, shapeState, withDefaults } from '../../../provider/framework/defaults';
import { attr, block, type BodySpec } from '../../../provider/framework/schema';
import { obj, type ObjectValue, type Value } from '../../../provider/values/value';
import type { AttributePath } from '../../../provider/protocol/interface';

const body: BodySpec = {
  attributes: {
    id: attr.string({ optional: true, computed: true, description: '' }),
    resource_id: attr.string({ required: true, forceNew: true, description: '' }),
    env: attr.stringMap({ optional: true, forceNew: true, description: '' }),
  },
  blocks: {
    item: block.list({
      forceNew: true,
      description: '',
      attributes: {
        key: attr.string({ required: true, forceNew: true, description: '' }),
        value: attr.string({ optional: true, forceNew: true, description: '' }),
        sensitive: attr.bool({ optional: true, default: false, forceNew: true, description: '' }),
        order: attr.int({ optional: true, forceNew: true, description: '' }),
        is_null: attr.bool({ computed: true, forceNew: true, description: '' }),
      },
    }),
  },
};

type Item = { key: string; value?: string; sensitive?: boolean; order?: number };
const cfg = (items: Item[], env: Record<string, string> | null = null): ObjectValue =>
  withDefaults(
    body,
    obj({ id: null, resource_id: 'r', env: env === null ? null : obj(env), item: items.map((i) => obj({ key: i.key, value: i.value ?? null, sensitive: i.sensitive ?? null, order: i.order ?? null, is_null: null })) }),
  );
const stateOf = (items: Item[]): ObjectValue => {
  const s = shapeState(body, planNew(body, cfg(items)));
  s.id = 'x';
  for (const e of s.item as ObjectValue[]) e.is_null = e.value === '';
  return s;
};
const sorted = (paths: Value[][]): Value[][] => [...paths].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const show = (paths: AttributePath[]): Value[][] => sorted(paths.map((p) => p.map((s) => ('attribute' in s ? s.attribute : 'index' in s ? s.index : s.key))));

function paths(before: Item[], after: Item[]): Value[][] {
  const prior = stateOf(before);
  const config = cfg(after);
  const changed = new Set(changedMembers(body, prior, config).map((p) => (p[0] as { attribute: string }).attribute));
  return show(replacePaths(body, prior, config, changed));
}

const A: Item = { key: 'a', value: '1' };
const B: Item = { key: 'b' };

describe('replacement paths of a list block, as the Go provider reports them', () => {
  test('an element added: the list, and the new element\'s non-empty attributes (defaults included)', () => {
    expect(paths([A], [A, B])).toEqual(sorted([['item'], ['item', 1, 'key'], ['item', 1, 'sensitive']]));
    expect(paths([], [A])).toEqual(sorted([['item'], ['item', 0, 'key'], ['item', 0, 'sensitive'], ['item', 0, 'value']]));
  });
  test('an element removed: the list, and the attributes that differ from their default or zero value', () => {
    expect(paths([A, B], [A])).toEqual(sorted([['item'], ['item', 1, 'key']]));
    expect(paths([A], [])).toEqual(sorted([['item'], ['item', 0, 'key'], ['item', 0, 'value']]));
    // An explicit 0 is the zero value a missing element reads as (Go: agent metadata order = 0).
    expect(paths([A, { ...B, order: 0 }], [A])).toEqual(sorted([['item'], ['item', 1, 'key']]));
    expect(paths([A, { ...B, order: 3 }], [A])).toEqual(sorted([['item'], ['item', 1, 'key'], ['item', 1, 'order']]));
  });
  test('an added element\'s null attributes without default are no path (Go: agent metadata order, timeout)', () => {
    expect(paths([A], [A, { ...B, order: 0 }])).toEqual(sorted([['item'], ['item', 1, 'key'], ['item', 1, 'order'], ['item', 1, 'sensitive']]));
  });
  test('same count: only the changed element attributes', () => {
    expect(paths([A], [{ ...A, sensitive: true }])).toEqual([['item', 0, 'sensitive']]);
    expect(paths([A, B], [B, A])).toEqual(sorted([['item', 0, 'key'], ['item', 0, 'value'], ['item', 1, 'key'], ['item', 1, 'value']]));
    expect(paths([A], [{ ...A, value: '2' }])).toEqual([['item', 0, 'value']]);
  });
  test('a map change is reported as the map', () => {
    const prior = stateOf([]);
    prior.env = obj({ A: '1' });
    const config = cfg([], { A: '2' });
    expect(show(replacePaths(body, prior, config, new Set(['env'])))).toEqual([['env']]);
  });
});

test('an empty map in config is planned null, like the SDK does', () => {
  expect(planNew(body, cfg([], {})).env).toBeNull();
  expect(planNew(body, cfg([], { A: '1' })).env).toEqual(obj({ A: '1' }));
});
