/**
 * Makes two `tofu show -json` documents comparable across providers and runs: random UUIDs and
 * tokens become "<uuid>", values minted by hashicorp/random become "<random>". Everything else
 * (every attribute, null vs "" vs [], sensitivity marks) must match exactly.
 */
import { stateResources, type Json } from './harness';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function replaceDeep(v: Json, randoms: ReadonlySet<string>): Json {
  if (typeof v === 'string') {
    if (UUID_RE.test(v)) return '<uuid>';
    if (randoms.has(v)) return '<random>';
    let s = v;
    for (const r of randoms) if (r.length >= 8) s = s.split(r).join('<random>');
    return s.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
  }
  if (Array.isArray(v)) return v.map((x) => replaceDeep(x, randoms));
  if (v && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(v).sort()) out[k] = replaceDeep(v[k], randoms);
    return out;
  }
  return v;
}

export interface NormalizedResource {
  address: string;
  values: Json;
  sensitive_values: Json;
}

/** Normalised resources of a state (`show -json`) or of a plan's planned values. */
export function normalizeResources(show: Json): NormalizedResource[] {
  const all = stateResources(show);
  const randoms = new Set<string>();
  for (const r of all) {
    if (r.type.startsWith('random_')) {
      for (const key of ['result', 'id', 'b64_std', 'b64_url', 'hex', 'dec']) {
        const x = r.values?.[key];
        if (typeof x === 'string' && x !== '') randoms.add(x);
      }
    }
  }
  return all
    .map((r) => ({ address: r.address, values: replaceDeep(r.values, randoms), sensitive_values: r.sensitive_values ?? {} }))
    .sort((a, b) => a.address.localeCompare(b.address));
}

/** Resource changes of a saved plan, normalised, for comparing what each provider planned. */
export function normalizePlanChanges(planJson: Json): Json[] {
  return ((planJson?.resource_changes ?? []) as Json[])
    .map((rc) => ({
      address: rc.address,
      actions: rc.change.actions,
      after: replaceDeep(rc.change.after, new Set()),
      after_unknown: rc.change.after_unknown,
      after_sensitive: rc.change.after_sensitive,
      replace_paths: rc.change.replace_paths ? [...rc.change.replace_paths].map((p: Json[]) => p.join('.')).sort() : undefined,
    }))
    .sort((a, b) => String(a.address).localeCompare(String(b.address)));
}
