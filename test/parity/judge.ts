/**
 * Turns batch runs into one verdict per case: the two providers' views of the case (normalised),
 * whether they differ, and whether the reference outcome is what the case declares.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Json, ProviderKind } from '../e2e/harness';
import { acceptedFor, type AcceptedDifference } from './accepted';
import type { Case, Expectation, Phase } from './corpus';
import { STEPS, caseView, fixedUuids, normalizeRandom, type Batch, type BatchRun, type CaseView, type Step } from './runner';

export interface Verdict {
  readonly c: Case;
  readonly batch: Batch;
  readonly ours?: CaseView;
  readonly go?: CaseView;
  readonly accepted?: AcceptedDifference;
  /** Both ran and their normalised views differ. */
  readonly differs: boolean;
  /** What is wrong besides a difference: the batch failed, the reference outcome is not the declared one, ours misses its expectation. */
  readonly problems: string[];
}

const errorsIn = (v: CaseView, step: Step): Json[] => (v.diagnostics[step] ?? []).filter((d) => d.severity === 'error');

/** The steps a phase runs, and where an `expect: error` case must fail (none of the earlier ones may). */
const PHASE_STEPS: Record<Phase, { steps: Step[]; errorAt: Step[] }> = {
  validate: { steps: ['validate'], errorAt: ['validate'] },
  plan: { steps: ['validate', 'plan'], errorAt: ['plan'] },
  apply: { steps: ['validate', 'plan', 'apply', 'replan'], errorAt: ['apply'] },
  replan: { steps: ['validate', 'plan', 'apply', 'replan'], errorAt: ['replan'] },
  update: {
    steps: ['validate', 'plan', 'apply', 'replan', 'update-plan', 'update-apply', 'update-replan'],
    errorAt: ['update-plan', 'update-apply'],
  },
};

/** Does the view end the way the case says (`expect` at `phase`)? */
export function declaredOutcomeProblems(c: Case, v: CaseView, who: string): string[] {
  const out: string[] = [];
  const { steps, errorAt } = PHASE_STEPS[c.phase];
  if (c.expect === 'error') {
    const before = steps.slice(0, steps.indexOf(errorAt[0]!));
    for (const s of before) {
      if (errorsIn(v, s).length > 0) out.push(`${who}: expected the error at ${errorAt.join(' or ')}, but ${s} already failed: ${errorsIn(v, s)[0].summary}`);
      else if (v.exit[s] !== 0 && !(s === 'replan' && v.exit[s] === 2)) out.push(`${who}: expected the error at ${errorAt.join(' or ')}, but ${s} exited ${v.exit[s]}`);
    }
    if (out.length === 0 && !errorAt.some((s) => errorsIn(v, s).length > 0)) out.push(`${who}: expected an error at ${errorAt.join(' or ')}, got none (exit ${JSON.stringify(v.exit)})`);
    return out;
  }
  for (const s of steps) {
    const want = c.expect === 'changes' && s === 'replan' ? 2 : 0;
    if (errorsIn(v, s).length > 0) out.push(`${who}: expected success, but ${s} reported: ${errorsIn(v, s)[0].summary} ${errorsIn(v, s)[0].detail}`);
    else if (v.exit[s] === undefined) out.push(`${who}: expected success, but ${s} did not run`);
    else if (v.exit[s] !== want) out.push(`${who}: expected ${s} to exit ${want}${want === 2 ? ' (changes)' : ''}, got ${v.exit[s]}`);
  }
  if (c.expect === 'changes' && out.length === 0 && (v.replan ?? []).length === 0) out.push(`${who}: expected the second plan to change this case's objects, it changes none`);
  return out;
}

function matches(actual: unknown, expected: unknown): boolean {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, x]) => matches((actual as Record<string, unknown>)[k], x));
  }
  return isDeepStrictEqual(actual, expected);
}

/** Checks ours against a case's written expectation (cases the Go reference cannot judge). */
export function expectationProblems(e: Expectation, v: CaseView): string[] {
  const out: string[] = [];
  for (const [step, code] of Object.entries(e.exit ?? {})) {
    if (v.exit[step as Step] !== code) out.push(`ours: ${step} exited ${v.exit[step as Step]}, expected ${code}`);
  }
  const all = STEPS.flatMap((s) => v.diagnostics[s] ?? []);
  for (const d of e.diagnostics ?? []) {
    if (!all.some((a) => matches(a, d))) out.push(`ours: missing diagnostic ${JSON.stringify(d)}; have ${JSON.stringify(all)}`);
  }
  if (e.exactDiagnostics) {
    const extra = all.filter((a) => !(e.diagnostics ?? []).some((d) => matches(a, d)));
    if (extra.length > 0) out.push(`ours: unexpected diagnostics ${JSON.stringify(extra)}`);
  }
  const objects: Json[] = v.updateState ?? v.state ?? v.plan?.data ?? [];
  for (const [address, values] of Object.entries(e.values ?? {})) {
    const o = objects.find((x) => x.address === address);
    if (!o) out.push(`ours: no ${address} in ${v.state ? 'state' : 'the plan'}`);
    else if (!matches(o.values, values)) out.push(`ours: ${address} is ${JSON.stringify(o.values)}, expected ${JSON.stringify(values)}`);
  }
  for (const [address, paths] of Object.entries(e.sensitive ?? {})) {
    const o = objects.find((x) => x.address === address);
    for (const p of paths) {
      let s: Json = o?.sensitive_values;
      for (const k of p.split('.')) s = s?.[k];
      if (s !== true) out.push(`ours: ${address}.${p} is not marked sensitive`);
    }
  }
  return out;
}

export function judge(runs: readonly BatchRun[]): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  for (const { batch, runs: byKind, error } of runs) {
    batch.cases.forEach((c, i) => {
      const accepted = acceptedFor(c.id);
      const problems: string[] = [];
      if (error) problems.push(`batch ${batch.id} failed: ${error.message}`);
      const view = (k: ProviderKind): CaseView | undefined => {
        const r = byKind[k];
        return r ? normalizeRandom(caseView(batch, r, i), fixedUuids(c)) : undefined;
      };
      const ours = view('ours');
      const go = view('go');
      const differs = !!ours && !!go && !isDeepStrictEqual(ours, go);
      if (!error) {
        const blame = (k: ProviderKind): string => {
          const others = batch.cases.filter((o, j) => j !== i && byKind[k] && STEPS.some((s) => errorsIn(caseView(batch, byKind[k]!, j), s).length > 0));
          return others.length > 0 ? ` (cases with errors in the same batch: ${others.map((o) => o.id).join(', ')})` : '';
        };
        if (accepted) {
          if (!c.expectation) problems.push(`accepted as "${accepted.kind}" but the case has no .expect.json to check ours against`);
          if (ours) problems.push(...declaredOutcomeProblems(c, ours, 'ours').map((p) => p + blame('ours')), ...(c.expectation ? expectationProblems(c.expectation, ours) : []));
        } else if (go) {
          problems.push(...declaredOutcomeProblems(c, go, 'go').map((p) => p + blame('go')));
          if (c.expectation && ours) problems.push(...expectationProblems(c.expectation, ours));
        }
      }
      out.set(c.id, { c, batch, ...(ours ? { ours } : {}), ...(go ? { go } : {}), ...(accepted ? { accepted } : {}), differs, problems });
    });
  }
  return out;
}
