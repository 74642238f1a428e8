/**
 * `--format json`: the whole result as one JSON document (format_version 1). Finding paths are given
 * twice: `file` relative to the template directory, `path` as the text report shows it.
 */
import { countBySeverity } from '../findings';
import type { CheckResult } from '../runner';
import { displayPath } from './paths';

export const JSON_FORMAT_VERSION = 1;

export function renderJson(result: CheckResult, cwd: string): string {
  const all = result.templates.flatMap((t) => t.findings);
  const c = countBySeverity(all);
  const doc = {
    format_version: JSON_FORMAT_VERSION,
    tool: { name: 'terraform-provider-coder check', version: result.version },
    tofu: result.tofu,
    summary: { errors: c.error, warnings: c.warning, notes: c.note, templates: result.templates.length },
    durationMs: result.durationMs,
    templates: result.templates.map((t) => ({
      dir: t.dir,
      providerVersion: t.providerVersion,
      durationMs: t.durationMs,
      ...(t.keptAt ? { keptAt: t.keptAt } : {}),
      scenarios: t.scenarios.map((s) => ({
        name: s.name,
        transition: s.transition,
        prebuild: s.prebuild,
        status: s.status,
        durationMs: s.durationMs,
        ...(s.preview ? { preview: s.preview } : {}),
      })),
      findings: t.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        file: f.location.file,
        path: displayPath(t, f, cwd),
        ...(f.location.line ? { line: f.location.line } : {}),
        ...(f.location.column ? { column: f.location.column } : {}),
        ...(f.address ? { address: f.address } : {}),
        scenarios: f.scenarios,
      })),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
