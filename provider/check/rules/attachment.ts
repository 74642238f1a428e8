/**
 * How resources find each other in Coder (ecosystem.md section 5.2):
 *  - an agent is attached to the nearest managed, non-coder resource that depends on it (walking
 *    the graph up). Without one, Coder drops the agent: checked on start builds, where the compute
 *    resources exist (stop builds normally have count = 0 hosts);
 *  - coder_env / coder_script / coder_app / coder_devcontainer belong to the agent whose `id`
 *    equals their `agent_id`. Anything but a coder_agent's id matches no agent and is dropped.
 */
import type { RawFinding } from '../findings';
import { nearestLabel, reaches } from '../graph';
import { specificReferences, splitReference, str, type PlanResource } from '../plan';
import { locate, q, workspaceLabels, type PlanRule, type PlanRuleContext } from './context';

export const agentNotAttached: PlanRule = {
  id: 'coder/agent-not-attached',
  check(ctx) {
    if (ctx.scenario.transition !== 'start' || !ctx.graph) return [];
    const labels = workspaceLabels(ctx.plan);
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    for (const r of ctx.plan.ofType('coder_agent')) {
      if (seen.has(r.configAddress)) continue;
      seen.add(r.configAddress);
      if (nearestLabel(ctx.graph, r.label, 'up', (l) => labels.has(l))) continue;
      out.push({
        ruleId: this.id,
        message:
          `${r.address} is not attached to any compute resource: no managed, non-coder resource depends on it ` +
          `(the container or VM should use ${r.configAddress}.init_script and .token), so Coder drops agent ${q(r.name)} and the workspace never gets it`,
        location: locate(ctx, r),
        address: r.configAddress,
      });
    }
    return out;
  },
};

const CHILD_TYPES = ['coder_env', 'coder_script', 'coder_app', 'coder_devcontainer'];

const isAgentLabel = (l: string): boolean => /(^|\.)coder_agent\.[^.]+$/.test(l);

export const agentRefInvalid: PlanRule = {
  id: 'coder/agent-ref-invalid',
  check(ctx) {
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    for (const type of CHILD_TYPES) {
      for (const r of ctx.plan.ofType(type)) {
        if (seen.has(r.configAddress)) continue;
        seen.add(r.configAddress);
        const problem = agentIdProblem(ctx, r);
        if (!problem) continue;
        out.push({
          ruleId: this.id,
          message: `agent_id of ${r.address} ${problem}; Coder matches agent_id against each coder_agent's id, so this ${type} reaches no agent and is dropped`,
          location: locate(ctx, r, 'agent_id'),
          address: r.configAddress,
        });
      }
    }
    return out;
  },
};

/** Why a child's agent_id cannot be an agent's id, or undefined when it is (or may be). */
function agentIdProblem(ctx: PlanRuleContext, r: PlanResource): string | undefined {
  const expr = r.config?.json.expressions?.['agent_id'];
  const e = expr && !Array.isArray(expr) && ('references' in expr || 'constant_value' in expr) ? expr : undefined;
  const refs = specificReferences(e as { references?: string[] } | undefined);
  const known = str(r.values['agent_id']);
  if (refs.length === 0) {
    if (known !== undefined) return `is the fixed value ${q(known)}, not a reference to a coder_agent`;
    return undefined;
  }
  const parsed = refs.map((ref) => ({ ref, parts: splitReference(ref) }));
  const agentRefs = parsed.filter((p) => p.parts[0] === 'coder_agent');
  if (agentRefs.some((p) => (p.parts[2] ?? '').replace(/\[.*$/, '') === 'id')) return undefined;
  if (agentRefs.length) {
    const p = agentRefs[0]!;
    const base = `${p.parts[0]}.${p.parts[1]!.replace(/\[.*$/, '')}`;
    return p.parts[2] ? `is ${p.ref}, not ${base}.id` : `is the whole ${base} object, not ${base}.id`;
  }
  const indirect = parsed.some((p) => ['var', 'local', 'module', 'each', 'count'].includes(p.parts[0]!));
  if (!indirect) {
    const p = parsed.find((x) => x.parts[0] !== 'data') ?? parsed[0]!;
    return `is ${p.ref}, which is not a coder_agent's id`;
  }
  // Through a variable, local or module output: the graph tells whether any agent is behind it.
  if (!ctx.graph) return undefined;
  if (reaches(ctx.graph, r.label, isAgentLabel)) return undefined;
  return `(${refs.join(', ')}) does not depend on any coder_agent`;
}
