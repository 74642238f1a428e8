/**
 * A coder_parameter that looks like it asks for a secret (its name, display name, description or
 * validation talk about a token, password or key). Parameter values are stored with every build and
 * shown in cleartext (provider issue #194, coder issues #9489, #13472); a user secret belongs in
 * `data "coder_secret"`.
 */
import type { RawFinding } from '../findings';
import { attrAt, nestedBlock } from '../locator';
import { str, valueAt } from '../plan';
import { credentialPrefixIn, secretWord } from '../secret-words';
import { blockOf, locate, q, type PlanRule } from './context';

export const parameterLooksSecret: PlanRule = {
  id: 'secret/parameter-looks-secret',
  check(ctx) {
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    for (const r of ctx.plan.ofType('coder_parameter', 'data')) {
      if (seen.has(r.configAddress)) continue;
      const name = str(r.values['name']);
      const candidates: Array<{ attr: string; block?: string; text: string | undefined; regex?: boolean }> = [
        { attr: 'name', text: name },
        { attr: 'display_name', text: str(r.values['display_name']) },
        { attr: 'description', text: str(r.values['description']) },
        { attr: 'regex', block: 'validation', text: str(valueAt(r.values, ['validation', 0, 'regex'])), regex: true },
        { attr: 'error', block: 'validation', text: str(valueAt(r.values, ['validation', 0, 'error'])) },
      ];
      for (const c of candidates) {
        const hit = c.regex ? credentialPrefixIn(c.text) : secretWord(c.text, { allowPat: c.attr === 'name' });
        if (!hit) continue;
        seen.add(r.configAddress);
        const b = blockOf(ctx, r);
        let location = locate(ctx, r, c.block ? undefined : c.attr);
        if (b && c.block) {
          const vb = nestedBlock(b, c.block, 0);
          if (vb) location = attrAt(vb, c.attr);
        }
        const why = c.regex ? `its validation regex expects a credential (${q(hit)})` : `${q(hit)} in its ${c.attr.replace('_', ' ')}${c.block ? ` (${c.block})` : ''}`;
        out.push({
          ruleId: this.id,
          message:
            `parameter ${q(name ?? r.name)} (${r.configAddress}) looks like it carries a secret: ${why}. ` +
            'Parameter values are stored with every build and shown in cleartext; ask for a user secret with data "coder_secret" instead',
          location,
          address: r.configAddress,
        });
        break;
      }
    }
    return out;
  },
};
