/**
 * Sensitive values written into text that Coder stores and shows or logs: script text
 * (coder_script.script, coder_agent startup/shutdown scripts, agent metadata scripts) and app URLs
 * and commands (coder_app url, command, healthcheck url). The value should reach the workspace as
 * an environment variable and the script should refer to it by name.
 */
import type { RawFinding } from '../findings';
import { at, attrAt, findAttr, lineOfInAttr, nestedBlock, type LocatedBlock, type SourceLocation } from '../locator';
import { valueAt, type PlanResource } from '../plan';
import { blockOf, type PlanRule, type PlanRuleContext } from './context';
import { attributeSensitivity, describeSources, needlesFor } from './sensitivity';

interface Target {
  readonly type: string;
  /** Attribute path in the resource's values; a nested block path has the block name then '*'. */
  readonly path: ReadonlyArray<string>;
  readonly what: string;
}

const SCRIPT_TARGETS: readonly Target[] = [
  { type: 'coder_script', path: ['script'], what: 'the script' },
  { type: 'coder_agent', path: ['startup_script'], what: 'the startup script' },
  { type: 'coder_agent', path: ['shutdown_script'], what: 'the shutdown script' },
  { type: 'coder_agent', path: ['metadata', '*', 'script'], what: 'the metadata script' },
];

const APP_TARGETS: readonly Target[] = [
  { type: 'coder_app', path: ['url'], what: 'the app URL' },
  { type: 'coder_app', path: ['command'], what: 'the app command' },
  { type: 'coder_app', path: ['healthcheck', '*', 'url'], what: 'the healthcheck URL' },
];

function locateAttr(ctx: PlanRuleContext, r: PlanResource, path: ReadonlyArray<string | number>, needles: string[]): SourceLocation {
  const b = blockOf(ctx, r);
  if (!b) return ctx.locator.fallback(r.modulePath);
  let blk: LocatedBlock | undefined = b;
  for (let i = 0; i < path.length - 1; i += 2) {
    blk = blk ? nestedBlock(blk, String(path[i]), Number(path[i + 1])) : undefined;
  }
  if (!blk) return at(b);
  const name = String(path[path.length - 1]);
  const a = findAttr(blk, name);
  return a ? lineOfInAttr(blk, a, needles) : attrAt(blk, name);
}

function check(ctx: PlanRuleContext, ruleId: string, targets: readonly Target[], consequence: string): RawFinding[] {
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    for (const r of ctx.plan.ofType(t.type)) {
      const paths: Array<Array<string | number>> = [];
      const star = t.path.indexOf('*');
      if (star < 0) paths.push([...t.path]);
      else {
        const list = valueAt(r.values, t.path.slice(0, star));
        const n = Array.isArray(list) ? list.length : 0;
        for (let i = 0; i < n; i++) paths.push([...t.path.slice(0, star), i, ...t.path.slice(star + 1)]);
      }
      for (const path of paths) {
        const s = attributeSensitivity(ctx.plan, r, path);
        if (!s.sensitive) continue;
        const key = `${r.configAddress}\0${path.join('.')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const where = typeof path[1] === 'number' ? `${t.what} #${path[1] + 1}` : t.what;
        out.push({
          ruleId,
          message: `${where} of ${r.address} embeds ${describeSources(s)}; ${consequence}`,
          location: locateAttr(ctx, r, path, needlesFor(s)),
          address: r.configAddress,
        });
      }
    }
  }
  return out;
}

export const secretInScript: PlanRule = {
  id: 'secret/in-script',
  check(ctx) {
    return check(ctx, this.id, SCRIPT_TARGETS, 'script text is stored with the agent and can end up in logs; pass the value as an environment variable (coder_env) and use the variable in the script');
  },
};

export const secretInApp: PlanRule = {
  id: 'secret/in-app',
  check(ctx) {
    return check(ctx, this.id, APP_TARGETS, 'URLs and commands land in browser history, proxy logs and process lists; pass the value through the environment instead');
  },
};
