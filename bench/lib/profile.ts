/**
 * Reading V8 CPU profiles (`--cpu-prof`) of our bundle: self time per function and per source
 * module. esbuild marks each module of the bundle with a `// <path>` comment line, so a line
 * number in the bundle maps back to the module it came from (provider/..., node_modules/...).
 */
import * as fs from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Sorted [first line (0-based), module path] pairs from the bundle's esbuild module comments. */
export function moduleIndex(bundleSource: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const lines = bundleSource.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\/\/ ((?:provider|node_modules|test)\/\S+)$/.exec(lines[i] as string);
    if (m) out.push([i, m[1] as string]);
  }
  return out;
}

function moduleAt(index: Array<[number, string]>, line: number): string {
  let lo = 0;
  let hi = index.length - 1;
  let found = '(bundle prelude)';
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, name] = index[mid] as [number, string];
    if (start <= line) {
      found = name;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Groups node_modules/<pkg>/... and provider/<dir>/... so the table stays short. */
export function moduleGroup(path: string): string {
  const nm = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (nm) return `node_modules/${nm[1]}`;
  return path;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly idleMs: number;
  readonly gcMs: number;
  readonly byFunction: Array<[string, number]>;
  readonly byModule: Array<[string, number]>;
}

export function summarizeProfile(profile: CpuProfile, bundlePath: string, bundleSource: string, top = 15): ProfileSummary {
  const index = moduleIndex(bundleSource);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const fn = new Map<string, number>();
  const mod = new Map<string, number>();
  let idle = 0;
  let gc = 0;
  for (const [id, us] of selfUs) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)') {
      idle += us;
      continue;
    }
    if (f.functionName === '(garbage collector)') gc += us;
    // The built executable compiles its bundle under a fixed name (scripts/code-cache.mjs SCRIPT_NAME).
    const inBundle = f.url === 'terraform-provider-coder' || f.url.endsWith(bundlePath) || f.url.endsWith(bundlePath.split('/').pop() ?? '\0');
    const where = inBundle ? moduleAt(index, f.lineNumber) : f.url || '(native)';
    const key = `${f.functionName || '(anonymous)'} ${where}${inBundle ? `:${f.lineNumber + 1}` : ''}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const group = inBundle ? moduleGroup(where) : f.functionName.startsWith('(') ? f.functionName : 'node internals and native';
    mod.set(group, (mod.get(group) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>): Array<[string, number]> =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, v / 1000]);
  return {
    totalMs: (profile.endTime - profile.startTime) / 1000,
    idleMs: idle / 1000,
    gcMs: gc / 1000,
    byFunction: sorted(fn),
    byModule: sorted(mod),
  };
}

/** Merges the summaries of several profile files (one per provider process tofu started). */
export function summarizeProfiles(files: readonly string[], bundlePath: string, top = 15): ProfileSummary {
  const source = fs.readFileSync(bundlePath, 'utf8');
  const parts = files.map((f) => summarizeProfile(JSON.parse(fs.readFileSync(f, 'utf8')) as CpuProfile, bundlePath, source, 1000));
  const merge = (pick: (s: ProfileSummary) => Array<[string, number]>): Array<[string, number]> => {
    const m = new Map<string, number>();
    for (const p of parts) for (const [k, v] of pick(p)) m.set(k, (m.get(k) ?? 0) + v);
    return [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  };
  return {
    totalMs: parts.reduce((a, p) => a + p.totalMs, 0),
    idleMs: parts.reduce((a, p) => a + p.idleMs, 0),
    gcMs: parts.reduce((a, p) => a + p.gcMs, 0),
    byFunction: merge((p) => p.byFunction),
    byModule: merge((p) => p.byModule),
  };
}
