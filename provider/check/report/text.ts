/** The human-readable report: findings grouped by template, then a preview per scenario, then a summary. */
import { countBySeverity, type Finding } from '../findings';
import type { PreviewValue, WorkspacePreview } from '../preview';
import type { CheckResult, ScenarioResult, TemplateResult } from '../runner';
import { displayLocation } from './paths';

export interface TextOptions {
  readonly cwd: string;
  readonly preview: boolean;
  readonly color: boolean;
}

function paint(on: boolean, code: string, s: string): string {
  return on ? `\x1b[${code}m${s}\x1b[0m` : s;
}

export function value(v: PreviewValue): string {
  switch (v.kind) {
    case 'text':
      return JSON.stringify(v.text);
    case 'masked':
      return `\u2022\u2022\u2022\u2022\u2022\u2022 (${v.reason === 'sensitive' ? 'sensitive' : 'looks secret'}${v.length !== undefined ? `, ${v.length} chars` : ''})`;
    case 'unknown':
      return '(known after apply)';
    case 'null':
      return '(null)';
  }
}

function scenarioLine(s: ScenarioResult): string {
  const mark = s.status === 'planned' ? '\u2713' : s.status === 'failed' ? '\u2717' : '-';
  return `${s.name} ${mark}${s.status === 'skipped' ? ' (skipped)' : ` ${(s.durationMs / 1000).toFixed(1)}s`}`;
}

function findingLines(t: TemplateResult, f: Finding, o: TextOptions): string[] {
  const sev = f.severity === 'error' ? paint(o.color, '31', 'error') : f.severity === 'warning' ? paint(o.color, '33', 'warning') : paint(o.color, '36', 'note');
  const where = f.scenarios.length ? ` [${f.scenarios.join(', ')}]` : '';
  return [`${displayLocation(t, f, o.cwd)}: ${sev} ${f.ruleId}${where}`, `    ${f.message}`];
}

export function previewLines(p: WorkspacePreview, transition = 'start'): string[] {
  const out: string[] = [];
  for (const a of p.agents) {
    const where = a.host ? `on ${a.host}` : transition === 'start' ? 'NOT ATTACHED to any compute resource' : 'not running (no compute resource in this build)';
    out.push(`  agent ${a.name} (${a.os ?? '?'}/${a.arch ?? '?'}, ${a.auth ?? 'token'} auth) ${where}`);
    const w = Math.max(0, ...a.env.map((e) => e.name.length));
    for (const e of a.env) out.push(`    env ${e.name.padEnd(w)}  ${value(e.value)}${e.from === 'coder_agent.env' ? '' : `  (${e.from})`}`);
    for (const s of a.scripts) {
      const when = [s.runOnStart ? 'on start' : '', s.runOnStop ? 'on stop' : '', s.cron ? `cron ${s.cron}` : ''].filter(Boolean).join(', ') || 'never runs';
      out.push(`    script ${JSON.stringify(s.displayName)} (${when})`);
    }
    for (const m of a.metadata) out.push(`    agent metadata ${m.key ?? '?'}${m.displayName ? ` ${JSON.stringify(m.displayName)}` : ''}${m.interval !== undefined ? ` every ${m.interval}s` : ''}`);
    for (const app of a.apps) {
      const target = app.url ? `url ${value(app.url)}` : app.command ? `command ${value(app.command)}` : '';
      out.push(`    app ${app.slug ?? '?'}${app.displayName ? ` ${JSON.stringify(app.displayName)}` : ''}${target ? ` ${target}` : ''}${app.share && app.share !== 'owner' ? ` (shared: ${app.share})` : ''}`);
    }
    for (const d of a.devcontainers) out.push(`    devcontainer ${d.name} ${d.workspaceFolder ?? ''}`.trimEnd());
  }
  for (const r of p.resources) {
    if (r.metadata.length === 0 && r.agents.length === 0) continue;
    out.push(`  resource ${r.address}${r.agents.length ? ` (agents: ${r.agents.join(', ')})` : ''}`);
    for (const m of r.metadata) out.push(`    metadata ${m.key ?? '?'} = ${value(m.value)}${m.sensitive ? ' [hidden in the UI]' : ''}`);
  }
  for (const prm of p.parameters) out.push(`  parameter ${prm.name ?? '?'} (${prm.type ?? 'string'}${prm.ephemeral ? ', ephemeral' : ''}) = ${value(prm.value)}`);
  for (const s of p.secrets) out.push(`  user secret ${s.requirement} (${s.address})`);
  if (out.length === 0) out.push('  (no agents, resources or parameters)');
  return out;
}

export function renderText(result: CheckResult, o: TextOptions): string {
  const lines: string[] = [];
  const all: Finding[] = [];
  for (const t of result.templates) {
    all.push(...t.findings);
    lines.push(paint(o.color, '1', `== ${t.dir}`));
    lines.push(`scenarios: ${t.scenarios.map(scenarioLine).join(', ')}`);
    if (t.providerVersion !== result.version) lines.push(`(the template's version constraints on coder/coder are met by presenting this provider as ${t.providerVersion})`);
    lines.push('');
    if (t.findings.length === 0) lines.push('No findings.');
    for (const f of t.findings) lines.push(...findingLines(t, f, o));
    if (o.preview) {
      for (const s of t.scenarios) {
        if (!s.preview) continue;
        lines.push('', paint(o.color, '1', `-- preview: ${s.name} (${s.transition}${s.prebuild ? ', prebuild' : ''})`));
        lines.push(...previewLines(s.preview, s.transition));
      }
    }
    lines.push('');
  }
  const c = countBySeverity(all);
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.note, 'note')} in ${plural(result.templates.length, 'template')} ` +
      `(${result.tofu.kind} ${result.tofu.version}, ${(result.durationMs / 1000).toFixed(1)}s)`,
  );
  return lines.join('\n') + '\n';
}
