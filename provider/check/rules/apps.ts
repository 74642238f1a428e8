/**
 * App slugs (ecosystem.md section 5.2): each coder_app slug must match Coder's app slug pattern and be
 * unique in the whole template. The provider already rejects a bad slug it can see at validate or
 * plan time (that diagnostic is mapped to the same rule); this rule covers the plan's values, e.g.
 * when checking with a provider build that does not validate slugs.
 */
import type { RawFinding } from '../findings';
import { str } from '../plan';
import { locate, q, type PlanRule } from './context';
import { duplicateGroups, reportDuplicates } from './uniqueness';

/** Coder's AppSlugRegex. */
export const APP_SLUG_RE = /^[a-z0-9](-?[a-z0-9])*$/;

export const appSlugInvalid: PlanRule = {
  id: 'coder/app-slug-invalid',
  check(ctx) {
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    for (const r of ctx.plan.ofType('coder_app')) {
      const slug = str(r.values['slug']);
      if (slug === undefined || APP_SLUG_RE.test(slug)) continue;
      const key = `${r.configAddress}\0${slug}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        ruleId: this.id,
        message: `app slug ${q(slug)} of ${r.address} is not a valid hostname label (lower-case letters, digits and single hyphens, not at either end); Coder fails the build`,
        location: locate(ctx, r, 'slug'),
        address: r.configAddress,
      });
    }
    return out;
  },
};

export const appSlugDuplicate: PlanRule = {
  id: 'coder/app-slug-duplicate',
  check(ctx) {
    const apps = ctx.plan.ofType('coder_app');
    return duplicateGroups(apps, (r) => str(r.values['slug'])).flatMap((group) =>
      reportDuplicates(ctx, group, {
        ruleId: this.id,
        what: `app slug ${q(str(group[0]!.values['slug']) ?? '')}`,
        attr: 'slug',
        why: 'app slugs must be unique in the whole template, or Coder fails the build',
      }),
    );
  },
};
