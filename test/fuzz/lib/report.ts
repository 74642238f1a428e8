/** What a fuzz run found, and how it is printed. */

export type FindingKind =
  /** An exception other than the decoder's own ValueError, a gRPC error, or the process died. */
  | 'crash'
  /** An input that took longer than the deadline, or a call that was not answered in time. */
  | 'hang'
  /** Decoded fine but does not survive encode → decode unchanged, or a round-trip property failed. */
  | 'inconsistency'
  /** The server accepted (no error diagnostic) an input the protocol says it must reject. */
  | 'accepted-invalid'
  /** A response that is not well-formed (undecodable, missing its result, bad diagnostic). */
  | 'bad-response'
  /** A fuzz value showed up in the provider's log. */
  | 'leak'
  /** Memory kept growing. */
  | 'memory';

export interface Finding {
  readonly target: string;
  readonly kind: FindingKind;
  /** Index of the input within its target (replay with the same seed), when there is one. */
  readonly index?: number;
  readonly detail: string;
  /** The input, hex, cut to a readable length. */
  readonly input?: string;
}

export interface TargetStats {
  inputs: number;
  /** Decoded / answered without an error diagnostic. */
  accepted: number;
  /** Rejected with a ValueError / an error diagnostic (or UNIMPLEMENTED). */
  rejected: number;
  /** Slowest single input, ms. */
  maxMs: number;
  /** Time spent on this target (generation included), ms. */
  totalMs: number;
}

export class FindingLog {
  readonly findings: Finding[] = [];
  private readonly perKey = new Map<string, number>();

  /** Keeps at most `perKind` findings per target and kind (the rest are only counted). */
  constructor(private readonly perKind = 5) {}

  readonly counts = new Map<string, number>();

  add(f: Finding): void {
    const key = `${f.target}/${f.kind}`;
    this.counts.set(f.kind, (this.counts.get(f.kind) ?? 0) + 1);
    const n = this.perKey.get(key) ?? 0;
    this.perKey.set(key, n + 1);
    if (n < this.perKind) this.findings.push(f);
  }

  count(kind?: FindingKind): number {
    if (kind) return this.counts.get(kind) ?? 0;
    let total = 0;
    for (const v of this.counts.values()) total += v;
    return total;
  }
}

export function newStats(): TargetStats {
  return { inputs: 0, accepted: 0, rejected: 0, maxMs: 0, totalMs: 0 };
}

export function hexPreview(bytes: Uint8Array, max = 96): string {
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, max)).toString('hex');
  return bytes.byteLength > max ? `${hex}… (${bytes.byteLength} bytes)` : hex;
}

export function formatStatsTable(stats: ReadonlyMap<string, TargetStats> | Record<string, TargetStats>): string {
  const entries = stats instanceof Map ? [...stats.entries()] : Object.entries(stats);
  const width = Math.max(6, ...entries.map(([k]) => k.length));
  const lines = [`  ${'target'.padEnd(width)}  ${'inputs'.padStart(9)}  ${'accepted'.padStart(9)}  ${'rejected'.padStart(9)}  ${'max ms'.padStart(8)}  ${'total s'.padStart(8)}`];
  for (const [name, s] of entries) {
    lines.push(
      `  ${name.padEnd(width)}  ${String(s.inputs).padStart(9)}  ${String(s.accepted).padStart(9)}  ${String(s.rejected).padStart(9)}  ${s.maxMs.toFixed(1).padStart(8)}  ${(s.totalMs / 1000).toFixed(1).padStart(8)}`,
    );
  }
  return lines.join('\n');
}

export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '  (none)';
  return findings
    .map((f) => `  [${f.kind}] ${f.target}${f.index !== undefined ? ` #${f.index}` : ''}: ${f.detail}${f.input ? `\n      input: ${f.input}` : ''}`)
    .join('\n');
}
