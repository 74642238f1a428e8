/**
 * `resources_monitoring {}` (an element with no value at all), as the Go provider handles it
 * through real tofu and terraform 1.5.7 (found by the parity corpus, test/parity):
 *  - create plans and applies it, with `memory` and `volume` null in the plan and in state;
 *  - the next plan with the same config fails with "must define at least one monitor" (the SDK
 *    cannot read the element back, sees a change, and CustomizeDiff gets a nil element);
 *  - going from a memory monitor to `resources_monitoring {}` fails the same way;
 *  - from no block to `resources_monitoring {}` is a replacement (create-like, no error);
 *  - removing the block altogether fails with the "developer error".
 */
import { ResourceDriver, errorsOf, plain, type Partial } from './resource_harness';
import type { ObjectValue } from '../../../provider/values/value';

const base: Partial = { os: 'linux', arch: 'amd64' };
const empty: Partial = { ...base, resources_monitoring: [{}] };
const memory: Partial = { ...base, resources_monitoring: [{ memory: [{ enabled: true, threshold: 80 }] }] };

async function applied(driver: ResourceDriver, config: Partial): Promise<ObjectValue> {
  const r = await driver.create(config);
  expect(errorsOf(r.diagnostics)).toEqual([]);
  return r.state!;
}

describe('coder_agent resources_monitoring {}', () => {
  const driver = new ResourceDriver('coder_agent');

  test('create plans and stores the empty element with null monitor blocks', async () => {
    const r = await driver.create(empty);
    expect(r.step).toBe('done');
    expect(plain(r.planned!.resources_monitoring!)).toEqual([{ memory: null, volume: null }]);
    expect(plain(r.state!.resources_monitoring!)).toEqual([{ memory: null, volume: null }]);
  });

  test('the state survives a refresh and an upgrade unchanged', async () => {
    const state = await applied(driver, empty);
    const read = await driver.read(state);
    expect(plain(read.state!.resources_monitoring!)).toEqual([{ memory: null, volume: null }]);
    const up = await driver.upgrade(plain(state), 1);
    expect(plain(up.state!.resources_monitoring!)).toEqual([{ memory: null, volume: null }]);
  });

  test('the next plan with the same config fails', async () => {
    const state = await applied(driver, empty);
    const p = await driver.plan(empty, state);
    expect(errorsOf(p.diagnostics)).toEqual(['resources_monitoring must define at least one monitor']);
  });

  test('a memory monitor replaced by an empty block fails; the reverse is a replacement', async () => {
    const withMemory = await applied(driver, memory);
    expect(errorsOf((await driver.plan(empty, withMemory)).diagnostics)).toEqual(['resources_monitoring must define at least one monitor']);

    const withEmpty = await applied(driver, empty);
    const p = await driver.plan(memory, withEmpty);
    expect(errorsOf(p.diagnostics)).toEqual([]);
    expect(p.requiresReplace).toEqual(expect.arrayContaining([[{ attribute: 'resources_monitoring' }]]));
  });

  test('adding an empty block to an agent without one is a replacement without error', async () => {
    const none = await applied(driver, base);
    const p = await driver.plan(empty, none);
    expect(errorsOf(p.diagnostics)).toEqual([]);
    expect(plain(p.planned!.resources_monitoring!)).toEqual([{ memory: null, volume: null }]);
    expect(p.requiresReplace).toEqual(expect.arrayContaining([[{ attribute: 'resources_monitoring' }]]));
  });

  test('removing the block fails with the developer error, from either shape', async () => {
    for (const before of [memory, empty]) {
      const state = await applied(driver, before);
      expect(errorsOf((await driver.plan(base, state)).diagnostics)).toEqual(['developer error: resources_monitoring cannot be empty']);
    }
  });
});
