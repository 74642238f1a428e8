/**
 * Rich parameters and presets (ecosystem.md section 5.2): coder_parameter names must be unique; every key
 * of a coder_workspace_preset's `parameters` should name a coder_parameter.
 */
import type { RawFinding } from '../findings';
import { objectEntries } from '../hcl-scan';
import { attrAt, findAttr } from '../locator';
import { str } from '../plan';
import { blockOf, q, type PlanRule } from './context';
import { duplicateGroups, reportDuplicates } from './uniqueness';

export const parameterNameDuplicate: PlanRule = {
  id: 'coder/parameter-name-duplicate',
  check(ctx) {
    const params = ctx.plan.ofType('coder_parameter', 'data');
    return duplicateGroups(params, (r) => str(r.values['name'])).flatMap((group) =>
      reportDuplicates(ctx, group, {
        ruleId: this.id,
        what: `parameter name ${q(str(group[0]!.values['name']) ?? '')}`,
        attr: 'name',
        why: 'coder_parameter names must be unique, or Coder fails the build',
      }),
    );
  },
};

export const presetParameterUnknown: PlanRule = {
  id: 'coder/preset-parameter-unknown',
  check(ctx) {
    const names = new Set(ctx.plan.ofType('coder_parameter', 'data').map((r) => str(r.values['name'])));
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    for (const preset of ctx.plan.ofType('coder_workspace_preset', 'data')) {
      const params = preset.values['parameters'];
      if (!params || typeof params !== 'object' || Array.isArray(params)) continue;
      for (const key of Object.keys(params)) {
        if (names.has(key)) continue;
        const dedupe = `${preset.configAddress}\0${key}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        const caseMatch = [...names].find((n) => n !== undefined && n.toLowerCase() === key.toLowerCase());
        const hint = caseMatch ? ` (names are case-sensitive: the parameter is ${q(caseMatch)})` : '';
        const presetName = str(preset.values['name']) ?? preset.name;
        out.push({
          ruleId: this.id,
          message: `preset ${q(presetName)} (${preset.configAddress}) sets parameter ${q(key)}, which no coder_parameter defines${hint}; Coder ignores it`,
          location: keyLocation(ctx, preset, key),
          address: preset.configAddress,
        });
      }
    }
    return out;
  },
};

/** The line of `key` inside the preset's `parameters = { ... }`, else the attribute. */
function keyLocation(ctx: Parameters<PlanRule['check']>[0], preset: Parameters<typeof blockOf>[1], key: string) {
  const b = blockOf(ctx, preset);
  if (!b) return ctx.locator.fallback(preset.modulePath);
  const a = findAttr(b, 'parameters');
  if (!a) return attrAt(b, 'parameters');
  for (const e of objectEntries(b.hcl.exprText(a), a.exprStart)) {
    if (e.key === key) {
      const p = b.hcl.posOf(e.keyOffset);
      return { file: b.file, line: p.line, column: p.column };
    }
  }
  return attrAt(b, 'parameters');
}
