/**
 * The dependency graph `tofu graph -type=plan` prints (DOT), and the walks Coder's provisioner does
 * on it (ecosystem.md section 5.2):
 *  - an agent belongs to the nearest managed, non-`coder_*` resource found walking **up** from the
 *    agent (towards what depends on it); ties go to the smallest label;
 *  - a `coder_metadata` belongs to the nearest such resource walking **down** (what it depends on);
 *  - at plan time, when ids are still unknown, a `coder_app`/`coder_env`/`coder_script` belongs to
 *    an agent when its node has a direct edge to `coder_agent.<name>`.
 *
 * An edge `A -> B` means A depends on B.
 */

export interface Graph {
  /** Node name -> label (Coder matches resources by label, e.g. `coder_agent.main`). */
  readonly labels: ReadonlyMap<string, string>;
  /** Node -> nodes it depends on. */
  readonly out: ReadonlyMap<string, readonly string[]>;
  /** Node -> nodes that depend on it. */
  readonly in: ReadonlyMap<string, readonly string[]>;
}

const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';
const EDGE_RE = new RegExp(`^\\s*${QUOTED}\\s*->\\s*${QUOTED}`);
const NODE_RE = new RegExp(`^\\s*${QUOTED}\\s*\\[(.*)\\]\\s*;?\\s*$`);
const LABEL_RE = new RegExp(`label\\s*=\\s*${QUOTED}`);

const unquote = (s: string): string => s.replace(/\\(.)/g, '$1');

export function parseDot(dot: string): Graph {
  const labels = new Map<string, string>();
  const out = new Map<string, string[]>();
  const inn = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string): void => {
    const list = m.get(k);
    if (list) {
      if (!list.includes(v)) list.push(v);
    } else m.set(k, [v]);
  };
  for (const line of dot.split('\n')) {
    const e = EDGE_RE.exec(line);
    if (e) {
      const from = unquote(e[1]!);
      const to = unquote(e[2]!);
      push(out, from, to);
      push(inn, to, from);
      continue;
    }
    const n = NODE_RE.exec(line);
    if (n) {
      const l = LABEL_RE.exec(n[2]!);
      if (l) labels.set(unquote(n[1]!), unquote(l[1]!));
    }
  }
  return { labels, out, in: inn };
}

/** Node names whose label is `label`. */
export function nodesWithLabel(g: Graph, label: string): string[] {
  const out: string[] = [];
  for (const [node, l] of g.labels) if (l === label) out.push(node);
  return out;
}

/**
 * The nearest node (breadth-first, following `direction`) whose label satisfies `accept`; among
 * nodes at the same depth the smallest label wins, as in Coder. Returns the label.
 */
export function nearestLabel(g: Graph, fromLabel: string, direction: 'up' | 'down', accept: (label: string) => boolean): string | undefined {
  const edges = direction === 'up' ? g.in : g.out;
  const start = nodesWithLabel(g, fromLabel);
  const seen = new Set(start);
  let frontier = start;
  while (frontier.length) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const n of edges.get(node) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        next.push(n);
      }
    }
    const hits = next.map((n) => g.labels.get(n)).filter((l): l is string => l !== undefined && accept(l));
    if (hits.length) return hits.sort()[0];
    frontier = next;
  }
  return undefined;
}

/** Whether any node reachable from `fromLabel` (following dependencies) has a label satisfying `accept`. */
export function reaches(g: Graph, fromLabel: string, accept: (label: string) => boolean): boolean {
  const seen = new Set<string>();
  const stack = nodesWithLabel(g, fromLabel);
  while (stack.length) {
    const node = stack.pop()!;
    for (const n of g.out.get(node) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      const l = g.labels.get(n);
      if (l !== undefined && accept(l)) return true;
      stack.push(n);
    }
  }
  return false;
}
