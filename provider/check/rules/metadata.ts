/**
 * coder_metadata attachment (ecosystem.md section 5.2): Coder walks the graph down from each
 * coder_metadata instance to the nearest managed, non-coder resource. Two instances reaching the
 * same resource fail the build; an instance reaching none is silently dropped.
 */
import type { RawFinding } from '../findings';
import { nearestLabel } from '../graph';
import { specificReferences, splitReference, type PlanResource } from '../plan';
import { locate, workspaceLabels, type PlanRule } from './context';

function targets(ctx: Parameters<PlanRule['check']>[0]): Array<{ r: PlanResource; target: string | undefined }> {
  if (!ctx.graph) return [];
  const labels = workspaceLabels(ctx.plan);
  return ctx.plan.ofType('coder_metadata').map((r) => ({ r, target: nearestLabel(ctx.graph!, r.label, 'down', (l) => labels.has(l)) }));
}

export const metadataDuplicate: PlanRule = {
  id: 'coder/metadata-duplicate',
  check(ctx) {
    const byTarget = new Map<string, PlanResource[]>();
    for (const { r, target } of targets(ctx)) {
      if (!target) continue;
      const list = byTarget.get(target);
      if (list) list.push(r);
      else byTarget.set(target, [r]);
    }
    const out: RawFinding[] = [];
    for (const [target, list] of byTarget) {
      if (list.length < 2) continue;
      const configs = [...new Set(list.map((r) => r.configAddress))];
      if (configs.length === 1) {
        out.push({
          ruleId: this.id,
          message: `${configs[0]} has ${list.length} instances that all describe ${target}; Coder allows one coder_metadata per resource and fails the build`,
          location: locate(ctx, list[0]!),
          address: configs[0],
        });
        continue;
      }
      const located = configs
        .map((c) => ({ c, r: list.find((r) => r.configAddress === c)! }))
        .map((x) => ({ ...x, loc: locate(ctx, x.r) }))
        .sort((a, b) => a.loc.file.localeCompare(b.loc.file) || (a.loc.line ?? 0) - (b.loc.line ?? 0));
      for (const x of located.slice(1)) {
        out.push({
          ruleId: this.id,
          message: `${x.c} describes ${target}, which ${located[0]!.c} already describes; Coder allows one coder_metadata per resource and fails the build`,
          location: x.loc,
          address: x.c,
        });
      }
    }
    return out;
  },
};

export const metadataNotAttached: PlanRule = {
  id: 'coder/metadata-not-attached',
  check(ctx) {
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    for (const { r, target } of targets(ctx)) {
      if (target || seen.has(r.configAddress)) continue;
      seen.add(r.configAddress);
      out.push({
        ruleId: this.id,
        message: `${r.address} does not lead to any workspace resource (resource_id must depend on a managed, non-coder resource); Coder drops this metadata`,
        location: locate(ctx, r, 'resource_id'),
        address: r.configAddress,
      });
    }
    return out;
  },
};

/** The workspace resource a coder_metadata's resource_id names (by reference), as a graph label. */
function namedTarget(r: PlanResource, labels: ReadonlySet<string>): string | undefined {
  const expr = r.config?.json.expressions?.['resource_id'];
  const refs = specificReferences(expr && !Array.isArray(expr) ? (expr as { references?: string[] }) : undefined);
  const prefix = r.modulePath.map((n) => `module.${n}.`).join('');
  for (const ref of refs) {
    const p = splitReference(ref);
    if (p[0] === 'data' || !p[1] || p[0]!.startsWith('coder_') || ['var', 'local', 'module', 'each', 'count'].includes(p[0]!)) continue;
    const label = `${prefix}${p[0]}.${p[1].replace(/\[.*$/, '')}`;
    if (labels.has(label)) return label;
  }
  return undefined;
}

export const metadataMisattached: PlanRule = {
  id: 'coder/metadata-misattached',
  check(ctx) {
    if (!ctx.graph) return [];
    const labels = workspaceLabels(ctx.plan);
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    for (const { r, target } of targets(ctx)) {
      if (!target || seen.has(r.configAddress)) continue;
      const named = namedTarget(r, labels);
      if (!named || named === target) continue;
      seen.add(r.configAddress);
      out.push({
        ruleId: this.id,
        message:
          `Coder shows ${r.configAddress} on ${target}, not on ${named} that resource_id names: it attaches metadata to the nearest resource the ` +
          `coder_metadata depends on, ties broken by name, and ${target} is as near; make ${named} the only direct dependency (e.g. read other values through it)`,
        location: locate(ctx, r, 'resource_id'),
        address: r.configAddress,
      });
    }
    return out;
  },
};
