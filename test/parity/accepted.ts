/**
 * Every difference between the Go provider and ours that the parity corpus accepts, with the
 * reason. Nothing else may differ. Two kinds:
 *  - `ours-only`: the Go reference cannot run the case at all; ours is checked against the
 *    expectations in the case's `.expect.json` (written from the specification).
 *  - `differs`: both run and the outcomes differ on purpose; ours is checked against the case's
 *    `.expect.json`, and the entry is reported as stale (a failure) once the outcomes agree.
 */
export interface AcceptedDifference {
  /** Case ids this entry covers: an exact id, or an area with a trailing slash (`secret/`). */
  readonly cases: readonly string[];
  readonly kind: 'ours-only' | 'differs';
  readonly reason: string;
}

export const ACCEPTED: readonly AcceptedDifference[] = [
  {
    cases: ['secret/'],
    kind: 'ours-only',
    reason:
      'data "coder_secret" is part of v2.17.0 but not of the Go reference binary: the module proxy serves no v2.17.0, and ' +
      'v2.18.0 is the release that reverted coder_secret (upstream #512). Expectations come from coder-data-sources.md §13.',
  },
  {
    cases: ['script/cron-tz-without-space'],
    kind: 'differs',
    reason:
      'A cron spec "TZ=<zone>" with nothing after the zone makes robfig/cron index past the end of the string: the Go ' +
      'provider panics and tofu reports that the plugin crashed. Ours reports an invalid cron expression instead ' +
      '(coder-resources.md §5.6 leaves this undefined and allows an error).',
  },
];

/** Types portability.test.ts cannot move between the providers, and why. */
export const PORTABILITY_EXCLUDED: readonly { readonly type: string; readonly reason: string }[] = [
  {
    type: 'coder_secret',
    reason: 'The Go reference (v2.18.0) has no data "coder_secret", so a template using it cannot run there in either direction.',
  },
];

export function acceptedFor(caseId: string): AcceptedDifference | undefined {
  return ACCEPTED.find((a) => a.cases.some((c) => (c.endsWith('/') ? caseId.startsWith(c) : caseId === c)));
}
