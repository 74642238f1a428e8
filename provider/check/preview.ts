/**
 * What a scenario's workspace would get, read from its plan the way Coder's provisioner reads it
 * (ecosystem.md section 5.2): agents on their compute resources with env names, scripts, apps and agent
 * metadata; resources with their coder_metadata items; parameters.
 *
 * Values are shown only when they are plainly not secret: anything tofu marks sensitive, anything
 * shaped like a credential and anything whose name says secret is masked. Unknown values (known
 * after apply) are shown as such.
 */
import { looksLikeCredential } from './credentials';
import { objectEntries } from './hcl-scan';
import { findAttr, type Locator } from './locator';
import { nearestLabel, reaches, type Graph } from './graph';
import { isSensitivePath, specificReferences, splitReference, str, valueAt, type Json, type PlanModel, type PlanResource } from './plan';
import { attributeSensitivity } from './rules/sensitivity';
import { secretWord } from './secret-words';

export type PreviewValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'masked'; readonly reason: 'sensitive' | 'secret-like'; readonly length?: number }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'null' };

export interface AgentPreview {
  readonly name: string;
  readonly address: string;
  readonly os: string | undefined;
  readonly arch: string | undefined;
  readonly auth: string | undefined;
  /** The compute resource Coder attaches the agent to; undefined when none (Coder drops the agent). */
  readonly host: string | undefined;
  readonly env: ReadonlyArray<{ readonly name: string; readonly from: string; readonly value: PreviewValue }>;
  readonly scripts: ReadonlyArray<{ readonly displayName: string; readonly from: string; readonly runOnStart: boolean; readonly runOnStop: boolean; readonly cron?: string }>;
  readonly apps: ReadonlyArray<{ readonly slug: string | undefined; readonly displayName: string | undefined; readonly from: string; readonly url?: PreviewValue; readonly command?: PreviewValue; readonly share?: string }>;
  readonly metadata: ReadonlyArray<{ readonly key: string | undefined; readonly displayName: string | undefined; readonly interval: number | undefined }>;
  readonly devcontainers: ReadonlyArray<{ readonly name: string; readonly workspaceFolder: string | undefined }>;
}

export interface ResourcePreview {
  readonly address: string;
  readonly agents: readonly string[];
  readonly metadata: ReadonlyArray<{ readonly key: string | undefined; readonly value: PreviewValue; readonly sensitive: boolean; readonly from: string }>;
}

export interface ParameterPreview {
  readonly name: string | undefined;
  readonly type: string | undefined;
  readonly value: PreviewValue;
  readonly mutable: boolean;
  readonly ephemeral: boolean;
}

export interface WorkspacePreview {
  readonly agents: readonly AgentPreview[];
  readonly resources: readonly ResourcePreview[];
  readonly parameters: readonly ParameterPreview[];
  readonly secrets: ReadonlyArray<{ readonly address: string; readonly requirement: string }>;
}

const MAX_TEXT = 80;

function show(value: Json | undefined, present: boolean, opts: { sensitive: boolean; name?: string }): PreviewValue {
  if (!present) return { kind: 'unknown' };
  if (value === null || value === undefined) return { kind: 'null' };
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (opts.sensitive) return { kind: 'masked', reason: 'sensitive', length: text.length };
  if (looksLikeCredential(text) || (opts.name !== undefined && secretWord(opts.name))) return { kind: 'masked', reason: 'secret-like', length: text.length };
  return { kind: 'text', text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}\u2026` : text };
}

function has(values: Json | undefined, path: ReadonlyArray<string | number>): boolean {
  let node: Json | undefined = values;
  for (const p of path) {
    if (node === null || node === undefined || typeof node !== 'object') return false;
    if (Array.isArray(node)) {
      if (typeof p !== 'number' || p >= node.length) return false;
      node = node[p];
    } else {
      if (!(String(p) in node)) return false;
      node = (node as Record<string, Json>)[String(p)];
    }
  }
  return true;
}

/** The agent a child resource belongs to: its agent_id reference, else (plan time) a direct graph edge. */
function agentOf(plan: PlanModel, graph: Graph | undefined, r: PlanResource, agents: readonly PlanResource[]): PlanResource | undefined {
  const expr = r.config?.json.expressions?.['agent_id'];
  const refs = specificReferences(expr && !Array.isArray(expr) ? (expr as { references?: string[] }) : undefined);
  for (const ref of refs) {
    const p = splitReference(ref);
    if (p[0] !== 'coder_agent' || !p[1]) continue;
    const prefix = r.modulePath.map((n) => `module.${n}.`).join('');
    const hit = agents.find((a) => a.configAddress === `${prefix}coder_agent.${p[1]!.replace(/\[.*$/, '')}`);
    if (hit) return hit;
  }
  const id = str(r.values['agent_id']);
  if (id) return agents.find((a) => str(a.values['id']) === id);
  if (graph) {
    // A direct dependency on an agent (how Coder matches at plan time), else the one agent the
    // resource depends on through variables, locals or module boundaries (what matches after apply).
    for (const a of agents) {
      for (const [node, label] of graph.labels) {
        if (label !== r.label) continue;
        if ((graph.out.get(node) ?? []).some((n) => graph.labels.get(n) === a.label)) return a;
      }
    }
    const reached = agents.filter((a) => reaches(graph, r.label, (l) => l === a.label));
    if (new Set(reached.map((a) => a.label)).size === 1) return reached[0];
  }
  return undefined;
}

export function buildPreview(plan: PlanModel, graph: Graph | undefined, locator?: Locator): WorkspacePreview {
  const workspaceLabels = new Set(plan.resources.filter((r) => r.mode === 'managed' && !r.type.startsWith('coder_')).map((r) => r.label));
  const agents = plan.ofType('coder_agent');
  const agentEnv = new Map<string, Array<AgentPreview['env'][number]>>();
  const agentScripts = new Map<string, Array<AgentPreview['scripts'][number]>>();
  const agentApps = new Map<string, Array<AgentPreview['apps'][number]>>();
  const agentDevcontainers = new Map<string, Array<AgentPreview['devcontainers'][number]>>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T): void => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };

  for (const a of agents) {
    const env = a.values['env'];
    if (env && typeof env === 'object' && !Array.isArray(env)) {
      for (const [k, v] of Object.entries(env)) {
        const sensitive = isSensitivePath(a.sensitive, ['env', k]) || isSensitivePath(a.sensitive, ['env']);
        push(agentEnv, a.address, { name: k, from: 'coder_agent.env', value: show(v, true, { sensitive, name: k }) });
      }
    } else if (!has(a.values, ['env']) && a.unknown && typeof a.unknown === 'object' && (a.unknown as Record<string, Json>)['env'] === true) {
      // The whole map is known only after apply (one of its values is); its keys are in the source.
      const b = locator?.resource(a.modulePath, a.mode, a.type, a.name);
      const envAttr = b ? findAttr(b, 'env') : undefined;
      const keys = b && envAttr ? objectEntries(b.hcl.exprText(envAttr), envAttr.exprStart).map((e) => e.key) : [];
      for (const k of keys.length ? keys : ['(all of coder_agent.env)']) push(agentEnv, a.address, { name: k, from: 'coder_agent.env', value: { kind: 'unknown' } });
    }
    for (const [key, title] of [
      ['startup_script', 'Startup Script'],
      ['shutdown_script', 'Shutdown Script'],
    ] as const) {
      if (str(a.values[key]) || (a.unknown && typeof a.unknown === 'object' && (a.unknown as Record<string, Json>)[key] === true)) {
        push(agentScripts, a.address, { displayName: title, from: `coder_agent.${key}`, runOnStart: key === 'startup_script', runOnStop: key === 'shutdown_script' });
      }
    }
  }

  for (const r of plan.ofType('coder_env')) {
    const a = agentOf(plan, graph, r, agents);
    if (!a) continue;
    const name = str(r.values['name']) ?? '(unknown name)';
    const s = attributeSensitivity(plan, r, ['value']);
    push(agentEnv, a.address, { name, from: r.address, value: show(r.values['value'], has(r.values, ['value']), { sensitive: s.sensitive, name }) });
  }
  for (const r of plan.ofType('coder_script')) {
    const a = agentOf(plan, graph, r, agents);
    if (!a) continue;
    const cron = str(r.values['cron']);
    push(agentScripts, a.address, {
      displayName: str(r.values['display_name']) ?? r.name,
      from: r.address,
      runOnStart: r.values['run_on_start'] === true,
      runOnStop: r.values['run_on_stop'] === true,
      ...(cron ? { cron } : {}),
    });
  }
  for (const r of plan.ofType('coder_app')) {
    const a = agentOf(plan, graph, r, agents);
    if (!a) continue;
    const url = has(r.values, ['url']) || (r.unknown as Record<string, Json> | undefined)?.['url'] === true
      ? show(r.values['url'], has(r.values, ['url']), { sensitive: attributeSensitivity(plan, r, ['url']).sensitive })
      : undefined;
    const command = has(r.values, ['command']) && r.values['command'] !== null
      ? show(r.values['command'], true, { sensitive: attributeSensitivity(plan, r, ['command']).sensitive })
      : undefined;
    push(agentApps, a.address, {
      slug: str(r.values['slug']),
      displayName: str(r.values['display_name']),
      from: r.address,
      ...(url && url.kind !== 'null' ? { url } : {}),
      ...(command ? { command } : {}),
      ...(str(r.values['share']) ? { share: str(r.values['share'])! } : {}),
    });
  }
  for (const r of plan.ofType('coder_devcontainer')) {
    const a = agentOf(plan, graph, r, agents);
    if (a) push(agentDevcontainers, a.address, { name: r.name, workspaceFolder: str(r.values['workspace_folder']) });
  }

  const agentPreviews: AgentPreview[] = agents.map((a) => {
    const md = valueAt(a.values, ['metadata']);
    return {
      name: a.name,
      address: a.address,
      os: str(a.values['os']),
      arch: str(a.values['arch']),
      auth: str(a.values['auth']),
      host: graph ? nearestLabel(graph, a.label, 'up', (l) => workspaceLabels.has(l)) : undefined,
      env: (agentEnv.get(a.address) ?? []).sort((x, y) => x.name.localeCompare(y.name)),
      scripts: agentScripts.get(a.address) ?? [],
      apps: agentApps.get(a.address) ?? [],
      metadata: Array.isArray(md)
        ? md.map((m) => ({ key: str(valueAt(m, ['key'])), displayName: str(valueAt(m, ['display_name'])), interval: typeof valueAt(m, ['interval']) === 'number' ? (valueAt(m, ['interval']) as number) : undefined }))
        : [],
      devcontainers: agentDevcontainers.get(a.address) ?? [],
    };
  });

  const metaByTarget = new Map<string, Array<ResourcePreview['metadata'][number]>>();
  for (const m of plan.ofType('coder_metadata')) {
    const target = graph ? nearestLabel(graph, m.label, 'down', (l) => workspaceLabels.has(l)) : undefined;
    if (!target) continue;
    const items = m.values['item'];
    if (!Array.isArray(items)) continue;
    items.forEach((it, i) => {
      const flagged = valueAt(it, ['sensitive']) === true;
      const s = attributeSensitivity(plan, m, ['item', i, 'value']);
      push(metaByTarget, target, {
        key: str(valueAt(it, ['key'])),
        value: show(valueAt(it, ['value']), has(it, ['value']), { sensitive: flagged || s.sensitive }),
        sensitive: flagged,
        from: m.address,
      });
    });
  }
  const resources: ResourcePreview[] = plan.resources
    .filter((r) => r.mode === 'managed' && !r.type.startsWith('coder_'))
    .map((r) => ({
      address: r.address,
      agents: agentPreviews.filter((a) => a.host === r.label).map((a) => a.name),
      metadata: metaByTarget.get(r.label) ?? [],
    }));

  const parameters: ParameterPreview[] = plan.ofType('coder_parameter', 'data').map((p) => {
    const name = str(p.values['name']);
    const secretLike = !!(secretWord(name, { allowPat: true }) || secretWord(str(p.values['description'])));
    return {
      name,
      type: str(p.values['type']),
      value: show(p.values['value'], has(p.values, ['value']), { sensitive: secretLike, ...(name !== undefined ? { name } : {}) }),
      mutable: p.values['mutable'] === true,
      ephemeral: p.values['ephemeral'] === true,
    };
  });

  const secrets = plan.ofType('coder_secret', 'data').map((s) => {
    const env = str(s.values['env']);
    const file = str(s.values['file']);
    return { address: s.address, requirement: env ? `environment variable ${env}` : file ? `file ${file}` : '(unknown)' };
  });

  return { agents: agentPreviews, resources, parameters, secrets };
}
