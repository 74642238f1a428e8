/**
 * Findings: what a rule reports, how findings from several scenarios merge into one, and the
 * redaction every text passes through before it leaves the process.
 */
import type { SourceLocation } from './locator';

/** error: Coder would fail the build, or a secret would be shown; warning: likely wrong or risky; note: for information. */
export type Severity = 'error' | 'warning' | 'note';

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location: SourceLocation;
  /** The resource or variable the finding is about, when there is one. */
  readonly address?: string;
  /** Scenarios in which it was seen (all of them for init and validate); empty for the scan of the template's files. */
  readonly scenarios: readonly string[];
}

/** A finding as a rule produces it, before scenarios are attached. */
export interface RawFinding {
  readonly ruleId: string;
  readonly message: string;
  readonly location: SourceLocation;
  readonly address?: string;
  /** Overrides the rule's default severity (tofu diagnostics carry their own). */
  readonly severity?: Severity;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** Merges findings that differ only in scenario, and sorts them by file, line, severity, rule. */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const byKey = new Map<string, { f: Finding; scenarios: string[] }>();
  for (const f of findings) {
    // A finding about an address is the same finding in every scenario, even when the details
    // of its message differ (an instance key, a reason only visible in one plan): the longest
    // message is kept.
    const key = [f.ruleId, f.severity, f.location.file, f.location.line ?? 0, f.address ?? f.message].join('\0');
    const prev = byKey.get(key);
    if (prev) {
      for (const s of f.scenarios) if (!prev.scenarios.includes(s)) prev.scenarios.push(s);
      if (f.message.length > prev.f.message.length) prev.f = f;
    } else byKey.set(key, { f, scenarios: [...f.scenarios] });
  }
  return [...byKey.values()]
    .map(({ f, scenarios }) => ({ ...f, scenarios }))
    .sort(
      (a, b) =>
        a.location.file.localeCompare(b.location.file) ||
        (a.location.line ?? 0) - (b.location.line ?? 0) ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.message.localeCompare(b.message),
    );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/**
 * Replaces known secret values with a marker in any text. It learns the values the check itself
 * put into the environment (placeholder or scenario-file secrets) and every value a plan marks
 * sensitive. Short values (under 4 characters) are not learned: replacing them would mangle text
 * without protecting anything.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  add(value: string | undefined | null): void {
    if (typeof value !== 'string') return;
    const v = value.trim();
    if (v.length < 4 || this.secrets.has(v)) return;
    this.secrets.add(v);
    // Multi-line secrets (keys) are also learned line by line: tofu may quote a single line.
    if (v.includes('\n')) for (const line of v.split('\n')) if (line.trim().length >= 12) this.secrets.add(line.trim());
    this.pattern = undefined;
  }

  redact(text: string): string {
    if (this.secrets.size === 0) return text;
    if (!this.pattern) {
      const alts = [...this.secrets].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      this.pattern = new RegExp(alts.join('|'), 'g');
    }
    return text.replace(this.pattern, '(sensitive value)');
  }

  get size(): number {
    return this.secrets.size;
  }
}
