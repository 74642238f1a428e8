/**
 * Shared reporting for "must be unique" rules (agent names, app slugs, parameter names): given the
 * plan resources that share one value, report each repeat once, at a line of its own.
 *
 *  - one config address with several instances (count/for_each): one finding at that block;
 *  - several config addresses: every one after the first (in file order) gets a finding that names
 *    the first; when two of them are the same block reached through two module calls, the later
 *    module call is the line reported.
 */
import type { RawFinding } from '../findings';
import type { SourceLocation } from '../locator';
import type { PlanResource } from '../plan';
import { locate, type PlanRuleContext } from './context';

export interface DuplicateReport {
  readonly ruleId: string;
  /** What is duplicated, for messages: e.g. `agent name "main"`. */
  readonly what: string;
  /** Attribute to point at (e.g. 'slug'), or undefined for the block itself. */
  readonly attr?: string;
  /** The rule's closing sentence, e.g. "agent names must be unique regardless of case". */
  readonly why: string;
}

const fmt = (l: SourceLocation): string => `${l.file}${l.line ? `:${l.line}` : ''}`;

export function reportDuplicates(ctx: PlanRuleContext, group: readonly PlanResource[], rep: DuplicateReport): RawFinding[] {
  if (group.length < 2) return [];
  const byConfig = new Map<string, PlanResource[]>();
  for (const r of group) {
    const list = byConfig.get(r.configAddress);
    if (list) list.push(r);
    else byConfig.set(r.configAddress, [r]);
  }
  const out: RawFinding[] = [];
  const entries = [...byConfig.entries()].map(([configAddress, instances]) => {
    const first = instances[0]!;
    const loc = locate(ctx, first, rep.attr);
    // The same block reached through two module calls: the calls decide the order.
    const call = ctx.locator.moduleCall(first.modulePath);
    return { configAddress, instances, loc, first, callLine: call ? `${call.file}\0${String(call.block.pos.line).padStart(8, '0')}` : '' };
  });
  for (const e of entries) {
    if (e.instances.length > 1) {
      out.push({
        ruleId: rep.ruleId,
        message: `${e.configAddress} has ${e.instances.length} instances (count or for_each), and each one has the ${rep.what}; ${rep.why}`,
        location: e.loc,
        address: e.configAddress,
      });
    }
  }
  if (entries.length < 2) return out;
  entries.sort(
    (a, b) =>
      a.loc.file.localeCompare(b.loc.file) || (a.loc.line ?? 0) - (b.loc.line ?? 0) || a.callLine.localeCompare(b.callLine) || a.configAddress.localeCompare(b.configAddress),
  );
  const firstEntry = entries[0]!;
  const used = new Set<string>([fmt(firstEntry.loc)]);
  for (const e of entries.slice(1)) {
    let loc = e.loc;
    if (used.has(fmt(loc))) {
      const call = ctx.locator.moduleCall(e.first.modulePath);
      if (call) loc = { file: call.file, line: call.block.pos.line, column: call.block.pos.column };
    }
    used.add(fmt(loc));
    out.push({
      ruleId: rep.ruleId,
      message: `${e.configAddress} has the ${rep.what}, like ${firstEntry.configAddress} (${fmt(firstEntry.loc)}); ${rep.why}`,
      location: loc,
      address: e.configAddress,
    });
  }
  return out;
}

/** Groups items by a key, keeping only groups with more than one member. */
export function duplicateGroups<T>(items: readonly T[], key: (t: T) => string | undefined): T[][] {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return [...m.values()].filter((g) => g.length > 1);
}
