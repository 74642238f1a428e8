/**
 * Agent names (ecosystem.md section 5.2): the coder_agent resource name must match Coder's agent name
 * pattern (a hostname label; underscores rejected since 2025-02) and be unique case-insensitively
 * across the whole template, modules and count/for_each instances included.
 */
import type { RawFinding } from '../findings';
import { locate, q, type PlanRule } from './context';
import { duplicateGroups, reportDuplicates } from './uniqueness';

/** Coder's AgentNameRegex (case-insensitive). */
export const AGENT_NAME_RE = /^[a-z0-9](-?[a-z0-9])*$/i;

export const agentNameInvalid: PlanRule = {
  id: 'coder/agent-name-invalid',
  check(ctx) {
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    for (const r of ctx.plan.ofType('coder_agent')) {
      if (seen.has(r.configAddress) || AGENT_NAME_RE.test(r.name)) continue;
      seen.add(r.configAddress);
      const why = r.name.includes('_')
        ? `contains underscores, which Coder rejects (use hyphens: ${q(r.name.replace(/_/g, '-'))})`
        : 'is not a valid hostname label (letters, digits and single hyphens, not at either end)';
      out.push({
        ruleId: this.id,
        message: `agent name ${q(r.name)} (${r.configAddress}) ${why}; Coder fails the build`,
        location: locate(ctx, r),
        address: r.configAddress,
      });
    }
    return out;
  },
};

export const agentNameDuplicate: PlanRule = {
  id: 'coder/agent-name-duplicate',
  check(ctx) {
    const agents = ctx.plan.ofType('coder_agent');
    return duplicateGroups(agents, (r) => r.name.toLowerCase()).flatMap((group) =>
      reportDuplicates(ctx, group, {
        ruleId: this.id,
        what: `agent name ${q(group[0]!.name.toLowerCase())}`,
        why: 'agent names must be unique regardless of case, or Coder fails the build',
      }),
    );
  },
};
