/**
 * The printed tables, the target check and the chart panels, all from one results object (the
 * same one written to bench/results.json).
 */
import type { Panel } from './chart';
import type { RpcResult } from './rpc';
import { RPCS } from './rpc';
import type { StartupResult } from './startup';
import { median, overFloorRatio, ratio, type Summary } from './stats';
import type { CycleFigures, Subject } from './tofu';

export interface SubjectFigures {
  readonly runs: readonly CycleFigures[];
  readonly planMs: Summary;
  readonly applyMs: Summary;
  /** plan + apply of the same cycle. */
  readonly totalMs: Summary;
  readonly providerPeakRssKb: number | null;
  readonly providerCpuMs: number | null;
}

export interface Results {
  readonly meta: Record<string, unknown>;
  /** size → subject → figures */
  readonly tofu: Record<string, Partial<Record<Subject, SubjectFigures>>>;
  readonly startup?: StartupResult;
  readonly rpc?: RpcResult;
  readonly ratios?: Record<string, Record<string, number | null>>;
  readonly targets?: readonly Target[];
}

export interface Target {
  readonly name: string;
  readonly target: string;
  readonly value: string;
  readonly met: boolean | null;
}

const f0 = (x: number | null | undefined): string => (x == null ? '–' : x.toFixed(0));
const f1 = (x: number | null | undefined): string => (x == null ? '–' : x.toFixed(1));
const f3 = (x: number | null | undefined): string => (x == null ? '–' : x.toFixed(3));
const fr = (x: number | null | undefined): string => (x == null ? '–' : x.toFixed(2));
const mb = (kb: number | null | undefined): string => (kb == null ? '–' : (kb / 1024).toFixed(1));

/** A plain text table: first row is the header, columns right-aligned except the first. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const sep = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]!), sep, ...rows.slice(1).map(line)].join('\n');
}

/** Ratios per size: ours/Go and (ours − floor)/(Go − floor) for plan, apply and the two together. */
export function computeRatios(tofu: Results['tofu']): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const [size, s] of Object.entries(tofu)) {
    const m = (subject: Subject, k: 'planMs' | 'applyMs' | 'totalMs'): number | undefined => s[subject]?.[k].median;
    out[size] = {
      planOursOverGo: ratio(m('ours', 'planMs'), m('go', 'planMs')),
      applyOursOverGo: ratio(m('ours', 'applyMs'), m('go', 'applyMs')),
      totalOursOverGo: ratio(m('ours', 'totalMs'), m('go', 'totalMs')),
      planOverFloor: overFloorRatio(m('ours', 'planMs'), m('go', 'planMs'), m('floor', 'planMs')),
      applyOverFloor: overFloorRatio(m('ours', 'applyMs'), m('go', 'applyMs'), m('floor', 'applyMs')),
      totalOverFloor: overFloorRatio(m('ours', 'totalMs'), m('go', 'totalMs'), m('floor', 'totalMs')),
      rssOursOverGo: ratio(s.ours?.providerPeakRssKb, s.go?.providerPeakRssKb),
      cpuOursOverGo: ratio(s.ours?.providerCpuMs, s.go?.providerCpuMs),
    };
  }
  return out;
}

export function tofuTable(r: Results): string {
  const rows: string[][] = [
    ['size', 'subject', 'plan ms', 'apply ms', 'plan+apply ms', 'runs', 'provider CPU ms', 'provider peak RSS MiB', 'procs'],
  ];
  for (const [size, s] of Object.entries(r.tofu)) {
    for (const subject of ['ours', 'go', 'floor', 'ours-secrets'] as const) {
      const x = s[subject];
      if (!x) continue;
      rows.push([
        size,
        subject,
        f0(x.planMs.median),
        f0(x.applyMs.median),
        f0(x.totalMs.median),
        String(x.runs.length),
        f0(x.providerCpuMs),
        mb(x.providerPeakRssKb),
        subject === 'floor' ? '–' : f0(median(x.runs.map((c) => c.providerProcesses))),
      ]);
    }
  }
  return table(rows);
}

export function ratioTable(r: Results): string {
  const rows: string[][] = [['size', 'plan ours/Go', 'apply ours/Go', 'plan+apply ours/Go', '(ours−floor)/(Go−floor)', 'CPU ours/Go', 'RSS ours/Go']];
  for (const [size, x] of Object.entries(r.ratios ?? {})) {
    rows.push([size, fr(x.planOursOverGo), fr(x.applyOursOverGo), fr(x.totalOursOverGo), fr(x.totalOverFloor), fr(x.cpuOursOverGo), fr(x.rssOursOverGo)]);
  }
  return table(rows);
}

export function startupTable(s: StartupResult): string {
  const cpu = (p: { cpuMs: { median: number } | null }): string => f1(p.cpuMs?.median);
  return table([
    [`start-up (median of ${s.rounds})`, 'wall ms', 'wall p99', 'CPU ms', 'first schema wall ms', 'first schema CPU ms'],
    ['node -e 0 (to exit)', f1(s.nodeExitMs.median), f1(s.nodeExitMs.p99), '–', '–', '–'],
    ['node printing a line', f1(s.nodeLine.wallMs.median), f1(s.nodeLine.wallMs.p99), cpu(s.nodeLine), '–', '–'],
    ['ours, to handshake', f1(s.ours.handshake.wallMs.median), f1(s.ours.handshake.wallMs.p99), cpu(s.ours.handshake), f1(s.ours.firstSchema.wallMs.median), cpu(s.ours.firstSchema)],
    ...(s.bundle
      ? [['ours as node bundle (dist/)', f1(s.bundle.handshake.wallMs.median), f1(s.bundle.handshake.wallMs.p99), cpu(s.bundle.handshake), f1(s.bundle.firstSchema.wallMs.median), cpu(s.bundle.firstSchema)]]
      : []),
    ['Go, to handshake', f1(s.go.handshake.wallMs.median), f1(s.go.handshake.wallMs.p99), cpu(s.go.handshake), f1(s.go.firstSchema.wallMs.median), cpu(s.go.firstSchema)],
  ]);
}

export function rpcTable(r: RpcResult): string {
  const names = Object.keys(r.subjects);
  const rows: string[][] = [['RPC (' + r.iterations + ' calls)', ...names.flatMap((n) => [`${n} p50`, `${n} p99`]), 'p50 ours-v5/Go', 'p50 ours-v6/Go']];
  for (const rpc of RPCS) {
    const go = r.subjects['go-v5']?.[rpc]?.p50;
    rows.push([
      rpc,
      ...names.flatMap((n) => [f3(r.subjects[n]![rpc].p50), f3(r.subjects[n]![rpc].p99)]),
      fr(ratio(r.subjects['ours-v5']?.[rpc]?.p50, go)),
      fr(ratio(r.subjects['ours-v6']?.[rpc]?.p50, go)),
    ]);
  }
  return table(rows);
}

/** Provider CPU per call (µs): the load-independent companion of the latency table. */
export function rpcCpuTable(r: RpcResult): string {
  const names = Object.keys(r.subjects);
  const rows: string[][] = [['provider CPU per call, µs', ...names, 'ours-v5/Go', 'ours-v6/Go']];
  for (const rpc of RPCS) {
    const go = r.subjects['go-v5']?.[rpc]?.cpuUsPerCall;
    rows.push([
      rpc,
      ...names.map((n) => f0(r.subjects[n]![rpc].cpuUsPerCall)),
      fr(ratio(r.subjects['ours-v5']?.[rpc]?.cpuUsPerCall, go)),
      fr(ratio(r.subjects['ours-v6']?.[rpc]?.cpuUsPerCall, go)),
    ]);
  }
  return table(rows);
}

/** The targets (reported, never asserted). */
export function checkTargets(r: Results): Target[] {
  const out: Target[] = [];
  for (const size of ['100', '1000']) {
    const x = r.ratios?.[size]?.totalOursOverGo;
    if (x !== undefined) out.push({ name: `plan+apply wall ours/Go at ${size}`, target: '≤ 1.00', value: fr(x), met: x == null ? null : x <= 1 });
  }
  if (r.startup) {
    const gap = r.startup.ours.handshake.wallMs.median - r.startup.nodeExitMs.median;
    out.push({ name: 'start-to-handshake minus `node -e 0` (wall)', target: '≤ 40 ms', value: `${f1(gap)} ms`, met: gap <= 40 });
    const oursCpu = r.startup.ours.handshake.cpuMs?.median;
    const nodeCpu = r.startup.nodeLine.cpuMs?.median;
    if (oursCpu !== undefined && nodeCpu !== undefined) {
      const cpuGap = oursCpu - nodeCpu;
      out.push({ name: 'same, in CPU time (load-independent)', target: '≤ 40 ms', value: `${f1(cpuGap)} ms`, met: cpuGap <= 40 });
    }
  }
  if (r.rpc) {
    for (const rpc of RPCS) {
      const go = r.rpc.subjects['go-v5']?.[rpc]?.p50;
      const goCpu = r.rpc.subjects['go-v5']?.[rpc]?.cpuUsPerCall;
      for (const v of ['ours-v5', 'ours-v6']) {
        const ours = r.rpc.subjects[v]?.[rpc]?.p50;
        if (ours === undefined || go === undefined) continue;
        out.push({ name: `${rpc} p50 ${v} vs Go`, target: '≤ Go', value: `${f3(ours)} vs ${f3(go)} ms`, met: ours <= go });
        const oursCpu = r.rpc.subjects[v]?.[rpc]?.cpuUsPerCall;
        if (oursCpu != null && goCpu != null) {
          out.push({ name: `${rpc} CPU/call ${v} vs Go`, target: '≤ Go', value: `${f0(oursCpu)} vs ${f0(goCpu)} µs`, met: oursCpu <= goCpu });
        }
      }
    }
  }
  const biggest = Object.keys(r.tofu).map(Number).sort((a, b) => b - a)[0];
  const rss = biggest === undefined ? undefined : r.tofu[String(biggest)]?.ours?.providerPeakRssKb;
  if (rss != null) out.push({ name: `peak RSS ours at ${biggest}`, target: '≤ 80 MiB', value: `${mb(rss)} MiB`, met: rss <= 80 * 1024 });
  return out;
}

export function targetsTable(ts: readonly Target[]): string {
  return table([['target', 'wanted', 'measured', 'met'], ...ts.map((t) => [t.name, t.target, t.value, t.met == null ? '?' : t.met ? 'yes' : 'NO'])]);
}

const COLORS: Record<Subject, { name: string; color: string; dash?: string }> = {
  ours: { name: 'ours (TypeScript)', color: '#1f77b4' },
  go: { name: 'Go provider v2.18.0', color: '#ff7f0e' },
  floor: { name: 'floor: terraform_data only', color: '#7f7f7f', dash: '5,4' },
  'ours-secrets': { name: 'ours, with coder_secret', color: '#1f77b4', dash: '2,3' },
};

export function chartPanels(r: Results): Panel[] {
  const panel = (title: string, k: 'planMs' | 'applyMs' | 'totalMs'): Panel => ({
    title,
    series: (['ours', 'go', 'floor', 'ours-secrets'] as const)
      .map((subject) => ({
        ...COLORS[subject],
        points: Object.entries(r.tofu)
          .filter(([, s]) => s[subject])
          .map(([size, s]) => [Number(size), s[subject]![k].median] as const),
      }))
      .filter((s) => s.points.length > 0),
  });
  return [panel('tofu plan (median)', 'planMs'), panel('tofu apply (median)', 'applyMs'), panel('plan + apply (median)', 'totalMs')];
}
