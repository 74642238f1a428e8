/**
 * tofu's own diagnostics (init, validate, plan) as findings, at the file and line tofu gives. A few
 * provider errors are Coder rules in disguise and get that rule's id (an invalid app slug is
 * rejected by the provider before Coder ever sees it).
 */
import type { RawFinding, Severity } from '../findings';
import type { Locator, SourceLocation } from '../locator';
import { parseAddress } from '../plan';

export interface TofuDiagnostic {
  severity: 'error' | 'warning' | string;
  summary: string;
  detail?: string;
  address?: string;
  range?: { filename: string; start: { line: number; column: number } };
}

/** Diagnostics whose summary says which Coder rule they are. */
const MAPPED: ReadonlyArray<{ re: RegExp; ruleId: string }> = [{ re: /^invalid "coder_app" slug/, ruleId: 'coder/app-slug-invalid' }];

export function diagnosticText(d: TofuDiagnostic): string {
  const detail = (d.detail ?? '').replace(/\s+/g, ' ').trim();
  const text = detail && detail !== d.summary ? `${d.summary}: ${detail}` : d.summary;
  return text.length > 600 ? `${text.slice(0, 597)}...` : text;
}

function locateDiagnostic(d: TofuDiagnostic, locator: Locator): SourceLocation {
  if (d.range?.filename) {
    const file = d.range.filename.split('\\').join('/').replace(/^\.\//, '');
    return { file, line: d.range.start.line, column: d.range.start.column };
  }
  if (d.address) {
    const { modulePath, configAddress } = parseAddress(d.address);
    const parts = configAddress.split('.').slice(modulePath.length * 2);
    const mode = parts[0] === 'data' ? 'data' : 'managed';
    const [type, name] = mode === 'data' ? parts.slice(1) : parts;
    if (type && name) {
      const b = locator.resource(modulePath, mode, type, name);
      if (b) return { file: b.file, line: b.block.pos.line, column: b.block.pos.column };
    }
    return locator.fallback(modulePath);
  }
  return locator.fallback([]);
}

export function diagnosticFinding(d: TofuDiagnostic, locator: Locator): RawFinding {
  const isError = d.severity === 'error';
  const mapped = isError ? MAPPED.find((m) => m.re.test(d.summary)) : undefined;
  const severity: Severity = isError ? 'error' : 'note';
  return {
    ruleId: mapped?.ruleId ?? (isError ? 'tofu/error' : 'tofu/warning'),
    severity,
    message: diagnosticText(d),
    location: locateDiagnostic(d, locator),
    ...(d.address ? { address: d.address } : {}),
  };
}

/**
 * An init failure. tofu gives no position for a provider or module that cannot be installed, so
 * the line of the provider's `source` (or of the module call) is looked up in the .tf files.
 */
export function initFailureFinding(d: TofuDiagnostic, locator: Locator): RawFinding {
  let location: SourceLocation | undefined = d.range?.filename ? locateDiagnostic(d, locator) : undefined;
  const text = `${d.summary}\n${d.detail ?? ''}`;
  if (!location) {
    const at = /\bat ([\w./-]+\.tf):(\d+)/.exec(text);
    if (at && locator.sourceFiles.some((f) => f.rel === at[1])) location = { file: at[1]!, line: Number(at[2]) };
  }
  if (!location) {
    const prov = /provider\s+(?:[\w.-]+\/)?([\w-]+)\/([\w-]+)/.exec(text);
    if (prov) location = findText(locator, new RegExp(`["/]${prov[1]}/${prov[2]}"`));
  }
  if (!location) {
    const mod = /module "([\w-]+)"/i.exec(text);
    if (mod) {
      const call = locator.moduleCall([mod[1]!]);
      if (call) location = { file: call.file, line: call.block.pos.line, column: call.block.pos.column };
    }
  }
  return {
    ruleId: 'tofu/init-failed',
    severity: 'error',
    message: diagnosticText(d),
    location: location ?? locator.fallback([]),
  };
}

function findText(locator: Locator, re: RegExp): SourceLocation | undefined {
  for (const f of locator.sourceFiles) {
    if (!f.rel.endsWith('.tf')) continue;
    const lines = f.text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = re.exec(lines[i]!);
      if (m) return { file: f.rel, line: i + 1, column: m.index + 1 };
    }
  }
  return undefined;
}

/**
 * Errors of a text-mode `init` (Terraform before 1.9 has no `init -json`): "Error: <summary>"
 * followed by a blank line and the detail paragraph(s).
 */
export function parseTextDiagnostics(stderr: string): TofuDiagnostic[] {
  const clean = stderr.replace(/\x1b\[[0-9;]*m/g, '').replace(/^[\u2502\u2577\u2575]\s?/gm, '');
  const out: TofuDiagnostic[] = [];
  const re = /^(Error|Warning): (.+)$/gm;
  const heads: Array<{ sev: string; summary: string; end: number; start: number }> = [];
  for (let m = re.exec(clean); m; m = re.exec(clean)) heads.push({ sev: m[1]!, summary: m[2]!.trim(), start: m.index, end: m.index + m[0].length });
  heads.forEach((h, i) => {
    const body = clean.slice(h.end, i + 1 < heads.length ? heads[i + 1]!.start : clean.length).trim();
    const on = /^on (\S+) line (\d+)/m.exec(body);
    out.push({
      severity: h.sev === 'Error' ? 'error' : 'warning',
      summary: h.summary,
      detail: body.replace(/^on \S+ line \d+.*$/m, '').trim(),
      ...(on ? { range: { filename: on[1]!, start: { line: Number(on[2]), column: 1 } } } : {}),
    });
  });
  return out;
}
