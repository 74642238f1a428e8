/**
 * A template variable that carries a secret but is not `sensitive = true`. It "carries a secret"
 * when its name or description says so, or when it flows somewhere only secrets go: a coder_env or
 * coder_agent env entry with a secret-like name, a coder_metadata item marked sensitive, an argument
 * the provider's schema marks sensitive, or a module variable marked sensitive.
 */
import type { RawFinding } from '../findings';
import { objectEntries } from '../hcl-scan';
import { at, findAttr } from '../locator';
import { isSensitivePath, sameModule, specificReferences, str, valueAt, type ExpressionJson, type PlanModel } from '../plan';
import { secretWord } from '../secret-words';
import { blockOf, q, type PlanRule, type PlanRuleContext } from './context';

const refersTo = (refs: readonly string[], name: string): boolean => refs.some((r) => r === `var.${name}` || r.startsWith(`var.${name}[`) || r.startsWith(`var.${name}.`));

function isExpression(x: unknown): x is ExpressionJson {
  return !!x && typeof x === 'object' && !Array.isArray(x) && ('references' in x || 'constant_value' in x);
}

/** Why variable `name` of module `modulePath` carries a secret, judged by where it goes. */
function flows(ctx: PlanRuleContext, plan: PlanModel, modulePath: readonly string[], name: string): string[] {
  const reasons: string[] = [];
  const seenConfig = new Set<string>();
  const varRe = new RegExp(`\\bvar\\.${name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\b`);
  for (const r of plan.resources) {
    if (!sameModule(r.modulePath, modulePath) || !r.config || seenConfig.has(r.configAddress)) continue;
    const exprs = r.config.json.expressions ?? {};
    let hit: string | undefined;
    if (r.type === 'coder_env' && r.mode === 'managed') {
      const e = exprs['value'];
      const envName = str(r.values['name']);
      if (isExpression(e) && refersTo(specificReferences(e), name) && envName && secretWord(envName)) {
        hit = `it is the value of ${r.configAddress} (${envName})`;
      }
    }
    if (!hit && r.type === 'coder_agent' && r.mode === 'managed') {
      const b = blockOf(ctx, r);
      const a = b ? findAttr(b, 'env') : undefined;
      if (b && a) {
        for (const entry of objectEntries(b.hcl.exprText(a), a.exprStart)) {
          if (secretWord(entry.key) && varRe.test(b.hcl.text.slice(entry.valueStart, entry.valueEnd))) {
            hit = `it is ${entry.key} in the env of ${r.configAddress}`;
            break;
          }
        }
      }
    }
    if (!hit && r.type === 'coder_metadata' && r.mode === 'managed') {
      const items = exprs['item'];
      const vals = r.values['item'];
      if (Array.isArray(items) && Array.isArray(vals)) {
        vals.forEach((v, i) => {
          const e = (items[i] ?? (items.length === 1 ? items[0] : undefined)) as Record<string, unknown> | undefined;
          const ve = e?.['value'];
          if (!hit && valueAt(v, ['sensitive']) === true && isExpression(ve) && refersTo(specificReferences(ve), name)) {
            hit = `it is shown by a coder_metadata item marked sensitive (${r.configAddress}, ${q(str(valueAt(v, ['key'])) ?? '')})`;
          }
        });
      }
    }
    if (!hit) {
      for (const [attr, e] of Object.entries(exprs)) {
        if (!isExpression(e)) continue;
        const refs = specificReferences(e);
        if (!refersTo(refs, name) || !isSensitivePath(r.sensitive, [attr])) continue;
        const others = refs.filter((x) => !refersTo([x], name));
        if (others.some((x) => plan.isSensitiveReference(modulePath, x))) continue;
        hit = `it is passed to ${r.configAddress}.${attr}, which the provider marks sensitive`;
        break;
      }
    }
    if (hit) {
      seenConfig.add(r.configAddress);
      reasons.push(hit);
    }
  }
  // Passed to a module's sensitive variable.
  const mod = plan.module(modulePath);
  for (const [callName, call] of Object.entries(mod?.json.module_calls ?? {})) {
    for (const [arg, e] of Object.entries(call.expressions ?? {})) {
      if (!isExpression(e) || !refersTo(specificReferences(e), name)) continue;
      if (call.module?.variables?.[arg]?.sensitive === true) reasons.push(`it is passed to module.${callName}'s sensitive variable ${q(arg)}`);
    }
  }
  return reasons;
}

export const variableNotSensitive: PlanRule = {
  id: 'secret/variable-not-sensitive',
  check(ctx) {
    const out: RawFinding[] = [];
    for (const m of ctx.plan.configModules) {
      for (const [name, v] of Object.entries(m.json.variables ?? {})) {
        if (v.sensitive === true) continue;
        const reasons: string[] = [];
        const byName = secretWord(name, { allowPat: true });
        if (byName) reasons.push(`${q(byName)} in its name`);
        const byDesc = secretWord(v.description);
        if (byDesc) reasons.push(`${q(byDesc)} in its description`);
        reasons.push(...flows(ctx, ctx.plan, m.modulePath, name));
        if (reasons.length === 0) continue;
        const b = ctx.locator.variable(m.modulePath, name);
        const prefix = m.modulePath.map((n) => `module.${n}.`).join('');
        out.push({
          ruleId: this.id,
          message: `variable ${q(name)}${prefix ? ` (${prefix}var.${name})` : ''} carries a secret (${reasons.join('; ')}) but is not sensitive = true, so tofu shows its value in plans and build logs`,
          location: b ? at(b) : ctx.locator.fallback(m.modulePath),
          address: `${prefix}var.${name}`,
        });
      }
    }
    return out;
  },
};
