/**
 * "Is this value secret?" for one attribute of one plan resource: tofu's own marks on the value
 * (`sensitive_values`, which follow the value through expressions, locals and functions), or a
 * reference in its expression to a sensitive source (sensitive variable, sensitive attribute,
 * sensitive module output). Returns the sensitive references for messages and line lookup.
 */
import { expressionAt, isSensitivePath, specificReferences, type PlanModel, type PlanResource } from '../plan';

export interface Sensitivity {
  readonly sensitive: boolean;
  /** The references that are sensitive sources (may be empty when only tofu's mark says so). */
  readonly sources: readonly string[];
}

export function attributeSensitivity(plan: PlanModel, r: PlanResource, path: ReadonlyArray<string | number>): Sensitivity {
  const marked = isSensitivePath(r.sensitive, path);
  const expr = expressionAt(r.config?.json.expressions, path);
  const sources = specificReferences(expr).filter((ref) => plan.isSensitiveReference(r.modulePath, ref));
  return { sensitive: marked || sources.length > 0, sources };
}

/** Describes the sources for a message: `data.coder_secret.gh.value` or "a sensitive value". */
export function describeSources(s: Sensitivity): string {
  if (s.sources.length === 0) return 'a sensitive value';
  return s.sources.length === 1 ? s.sources[0]! : `${s.sources.slice(0, -1).join(', ')} and ${s.sources[s.sources.length - 1]}`;
}

/** Text to search for in the source to find the line of a reference (`module.x.out` -> as written). */
export function needlesFor(s: Sensitivity): string[] {
  return s.sources.flatMap((ref) => [ref, ref.replace(/\[[^\]]*\]/g, '')]);
}
