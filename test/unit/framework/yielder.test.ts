/**
 * The cooperative cancellation helper (provider/framework/yielder.ts) and what the framework
 * server does with it: big calls give the event loop a turn and stop when asked, small calls run
 * to the end without awaiting anything.
 */
import { CHECK_EVERY, Cancelled, Yielder, runSteps, runSync, type Steps } from '../../../provider/framework/yielder';
import { validateBody, validateBodySteps } from '../../../provider/framework/validate';
import { planNew, planNewSteps, shapeState, shapeStateSteps, withDefaults, withDefaultsSteps } from '../../../provider/framework/defaults';
import { changedMembers, changedMembersSteps, replacePaths, replacePathsSteps } from '../../../provider/framework/diff';
import { attr, block, impliedType, withImplicitId, type BodySpec } from '../../../provider/framework/schema';
import { metadataResource } from '../../../provider/coder/metadata';
import { createCoderProvider } from '../../../provider/coder/provider';
import type { CallContext, PlanResourceChangeRequest } from '../../../provider/protocol/interface';
import { openCallContext, StopSource } from '../../../provider/protocol/runtime';
import { decodeMsgpack, encodeMsgpack } from '../../../provider/values/msgpack';
import { obj, UNKNOWN, type ObjectValue, type Value } from '../../../provider/values/value';

/** A clock the test moves by hand, counting how often it is read. */
function fakeClock(): { now: () => number; reads: () => number; advance(ms: number): void } {
  let t = 1000;
  let reads = 0;
  return {
    now: () => {
      reads++;
      return t;
    },
    reads: () => reads,
    advance: (ms) => {
      t += ms;
    },
  };
}

/** A call context whose stop flag the test sets; reading `signal` fails the test. */
function stoppable(): { ctx: CallContext; stop(): void } {
  let stopped = false;
  const ctx: CallContext = {
    get signal(): AbortSignal {
      throw new Error('signal read: it must stay lazy');
    },
    stopped: () => stopped,
  };
  return { ctx, stop: () => (stopped = true) };
}

const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('Yielder', () => {
  test('tick(): counts work and reads the clock only every CHECK_EVERY units; due once the slice is used up', () => {
    const clock = fakeClock();
    const y = new Yielder(undefined, 10, clock.now);
    expect(clock.reads()).toBe(1); // the start of the slice
    for (let i = 0; i < CHECK_EVERY - 1; i++) expect(y.tick()).toBe(false);
    expect(clock.reads()).toBe(1);
    expect(y.tick()).toBe(false); // clock read: 0 ms used
    expect(clock.reads()).toBe(2);
    clock.advance(9);
    for (let i = 0; i < CHECK_EVERY; i++) expect(y.tick()).toBe(false);
    clock.advance(1);
    for (let i = 0; i < CHECK_EVERY - 1; i++) expect(y.tick()).toBe(false);
    expect(y.tick()).toBe(true); // 10 ms used
    // Units counted elsewhere (count) and big ticks bring the next clock read forward.
    y.count(CHECK_EVERY);
    expect(y.tick(0)).toBe(true);
    expect(y.tick(CHECK_EVERY * 10)).toBe(true);
  });

  test('checkpoint(): throws Cancelled once stopped, whether due or not; uses stopped() and never the lazy signal', () => {
    const clock = fakeClock();
    const { ctx, stop } = stoppable();
    const y = new Yielder(ctx, 10, clock.now);
    expect(y.checkpoint()).toBe(false);
    stop();
    expect(() => y.checkpoint()).toThrow(Cancelled);
    // tick() notices at its next clock read.
    const y2 = new Yielder(ctx, 10, clock.now, 4);
    expect(y2.tick()).toBe(false);
    expect(() => {
      for (let i = 0; i < 4; i++) y2.tick();
    }).toThrow(Cancelled);
  });

  test('a context made by hand without stopped(): its signal is asked', () => {
    const controller = new AbortController();
    const y = new Yielder({ signal: controller.signal });
    expect(y.stopped()).toBe(false);
    controller.abort();
    expect(() => y.checkpoint()).toThrow(Cancelled);
  });

  test('checkpoint() is false when not due; when due, pause() yields to the event loop and starts a fresh slice', async () => {
    const clock = fakeClock();
    const y = new Yielder(undefined, 10, clock.now, 1);
    expect(y.checkpoint()).toBe(false);
    clock.advance(10);
    let ranMeanwhile = false;
    setImmediate(() => (ranMeanwhile = true));
    expect(y.checkpoint()).toBe(true);
    const p = y.pause();
    expect(ranMeanwhile).toBe(false);
    await p;
    expect(ranMeanwhile).toBe(true);
    // A fresh slice starts after the pause.
    expect(y.checkpoint()).toBe(false);
  });

  test('pause(): a stop that arrives during the turn of the event loop rejects with Cancelled', async () => {
    const { ctx, stop } = stoppable();
    const y = new Yielder(ctx);
    setImmediate(stop);
    await expect(y.pause()).rejects.toBeInstanceOf(Cancelled);
  });

  test('Yielder.never is never due and never stopped', () => {
    for (let i = 0; i < 10 * CHECK_EVERY; i++) expect(Yielder.never.tick(1000)).toBe(false);
    expect(Yielder.never.checkpoint()).toBe(false);
  });

  test('runSteps pauses where the steps yield and stops there when asked; runSync runs through', async () => {
    function* steps(): Steps<number> {
      let n = 0;
      for (let i = 0; i < 3; i++) {
        n++;
        yield;
      }
      return n;
    }
    expect(runSync(steps())).toBe(3);
    expect(await runSteps(steps(), new Yielder())).toBe(3);
    const { ctx, stop } = stoppable();
    const pending = runSteps(steps(), new Yielder(ctx));
    stop();
    await expect(pending).rejects.toBeInstanceOf(Cancelled);
  });
});

// -------------------------------------------------------------------------------------------------
// The framework's phases as steps: the same results as the plain functions, however often they pause.

const body: BodySpec = {
  attributes: {
    id: attr.string({ optional: true, computed: true, description: '' }),
    name: attr.string({ required: true, forceNew: true, description: '' }),
    tags: attr.stringList({ optional: true, description: '' }),
  },
  blocks: {
    group: block.list({
      forceNew: true,
      description: '',
      attributes: { label: attr.string({ required: true, description: '' }), n: attr.int({ optional: true, default: 1, description: '' }) },
      blocks: {
        entry: block.set({ description: '', attributes: { k: attr.string({ required: true, description: '' }), v: attr.string({ optional: true, default: 'd', description: '' }) } }),
      },
    }),
  },
};

function bigConfig(groups: number, entries: number, label = 'g'): ObjectValue {
  return obj({
    id: null,
    name: 'x',
    tags: Array.from({ length: 50 }, (_, i) => `t${i}`),
    group: Array.from({ length: groups }, (_, g) =>
      obj({ label: `${label}${g}`, n: g % 3 === 0 ? null : g, entry: Array.from({ length: entries }, (_, e) => obj({ k: `k${e}`, v: e % 2 ? null : `v${e}` })) }),
    ),
  });
}

/** Runs steps with a Yielder that is due at every tick, counting the pauses. */
async function pausing<T>(make: (y: Yielder) => Steps<T>): Promise<{ value: T; pauses: number }> {
  let t = 0;
  const y = new Yielder(undefined, 0, () => t++, 1);
  const steps = make(y);
  let pauses = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, pauses };
    pauses++;
    await y.pause();
  }
}

describe('framework phases as steps', () => {
  const config = bigConfig(30, 20);
  const other = bigConfig(30, 20, 'h');

  test.each([
    ['validateBody', (y: Yielder) => validateBodySteps(body, config, y), () => validateBody(body, config)],
    ['withDefaults', (y: Yielder) => withDefaultsSteps(body, config, y), () => withDefaults(body, config)],
    ['planNew', (y: Yielder) => planNewSteps(body, withDefaults(body, config), y), () => planNew(body, withDefaults(body, config))],
    ['shapeState', (y: Yielder) => shapeStateSteps(body, planNew(body, config), y), () => shapeState(body, planNew(body, config))],
    ['changedMembers', (y: Yielder) => changedMembersSteps(body, withDefaults(body, config), withDefaults(body, other), y), () => changedMembers(body, withDefaults(body, config), withDefaults(body, other))],
    [
      'replacePaths',
      (y: Yielder) => replacePathsSteps(body, withDefaults(body, config), withDefaults(body, other), new Set(['group']), y),
      () => replacePaths(body, withDefaults(body, config), withDefaults(body, other), new Set(['group'])),
    ],
  ] as Array<[string, (y: Yielder) => Steps<unknown>, () => unknown]>)('%s: same result, paused inside the element loops', async (_name, steps, plain) => {
    const { value, pauses } = await pausing(steps);
    expect(value).toEqual(plain());
    expect(pauses).toBeGreaterThan(30);
  });
});

// -------------------------------------------------------------------------------------------------
// The server: a big call stopped in flight answers with one cancellation diagnostic.

const METADATA_TYPE = impliedType(withImplicitId(metadataResource.schema));

function metadataPlan(items: number): PlanResourceChangeRequest {
  const item = Array.from({ length: items }, (_, i) => obj({ key: `key-${i}`, value: `secret-value-${i}`, sensitive: null, is_null: null }));
  const config = { msgpack: encodeMsgpack(obj({ resource_id: 'res-1', item, daily_cost: null, hide: null, icon: null, id: null }), METADATA_TYPE) };
  return { typeName: 'coder_metadata', priorState: { msgpack: encodeMsgpack(null, METADATA_TYPE) }, proposedNewState: config, config, priorPrivate: new Uint8Array(0) };
}

describe('FrameworkServer', () => {
  const server = createCoderProvider(undefined, { env: () => undefined, sensitiveEnv: {} });

  test('a small call runs to the end without giving up its turn of the event loop', async () => {
    let turned = false;
    setImmediate(() => (turned = true));
    const { ctx } = stoppable();
    const r = await server.planResourceChange(metadataPlan(3), ctx);
    expect(r.diagnostics).toEqual([]);
    expect(turned).toBe(false);
  });

  test('a big plan gives the event loop turns, and a stop during it answers with one diagnostic; the next call is unaffected', async () => {
    const { ctx, stop } = stoppable();
    const pending = server.planResourceChange(metadataPlan(10_000), ctx);
    // The stop is made in a later turn of the event loop: the plan must have given it up.
    await nextTurn();
    stop();
    const r = await pending;
    expect(r.plannedState).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d).toMatchObject({ severity: 'error', summary: 'Operation cancelled' });
    expect(d.detail).toMatch(/asked to stop \(StopProvider\) before/);
    expect(JSON.stringify(d)).not.toMatch(/key-|secret-value|res-1/);

    const after = await server.planResourceChange(metadataPlan(10_000), stoppable().ctx);
    expect(after.diagnostics).toEqual([]);
    const planned = decodeMsgpack(after.plannedState!.msgpack!, METADATA_TYPE) as Record<string, Value>;
    expect(planned.id).toBe(UNKNOWN);
    expect((planned.item as Value[]).length).toBe(10_000);
  });

  test('a call stopped before it starts answers with the cancellation diagnostic at its first checkpoint (validate, apply)', async () => {
    const { ctx, stop } = stoppable();
    stop();
    const v = await server.validateResourceConfig({ typeName: 'coder_metadata', config: metadataPlan(2).config }, ctx);
    expect(v.diagnostics).toEqual([expect.objectContaining({ severity: 'error', summary: 'Operation cancelled' })]);
    const plan = await server.planResourceChange(metadataPlan(2), stoppable().ctx);
    const a = await server.applyResourceChange(
      { typeName: 'coder_metadata', priorState: metadataPlan(2).priorState, plannedState: plan.plannedState!, config: metadataPlan(2).config, plannedPrivate: new Uint8Array(0) },
      ctx,
    );
    expect(a.newState).toBeUndefined();
    expect(a.diagnostics).toEqual([expect.objectContaining({ severity: 'error', summary: 'Operation cancelled' })]);
  });
});

describe('openCallContext', () => {
  test('stopped() follows StopProvider without creating the signal; the signal made later is already aborted', () => {
    const stop = new StopSource();
    const listeners: Array<() => void> = [];
    const call = { cancelled: false, on: (_e: 'cancelled', l: () => void) => listeners.push(l), removeListener: () => undefined };
    const { ctx, close } = openCallContext({ stop }, call);
    expect(ctx.stopped!()).toBe(false);
    stop.stop();
    expect(ctx.stopped!()).toBe(true);
    expect(ctx.signal.aborted).toBe(true);
    close();
    // A call opened after the stop is not stopped.
    const later = openCallContext({ stop }, call);
    expect(later.ctx.stopped!()).toBe(false);
    listeners[1]!(); // the client cancels it
    expect(later.ctx.stopped!()).toBe(true);
    later.close();
  });
});
