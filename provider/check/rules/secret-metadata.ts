/**
 * A coder_metadata item whose value comes from a sensitive source, without `sensitive = true`:
 * Coder copies every item verbatim and shows it on the workspace page (ecosystem.md section 5.2). With
 * `sensitive = true` it is hidden behind a click (still readable through the API, but not shown).
 */
import type { RawFinding } from '../findings';
import { findAttr, lineOfInAttr, nestedBlock, attrAt, at } from '../locator';
import { str, valueAt, type Json } from '../plan';
import { blockOf, q, type PlanRule } from './context';
import { attributeSensitivity, describeSources, needlesFor } from './sensitivity';

export const metadataNotSensitive: PlanRule = {
  id: 'secret/metadata-not-sensitive',
  check(ctx) {
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    for (const r of ctx.plan.ofType('coder_metadata')) {
      const items = r.values['item'];
      if (!Array.isArray(items)) continue;
      items.forEach((item: Json, i: number) => {
        if (valueAt(item, ['sensitive']) === true) return;
        const s = attributeSensitivity(ctx.plan, r, ['item', i, 'value']);
        if (!s.sensitive) return;
        const key = str(valueAt(item, ['key'])) ?? `#${i}`;
        const dedupe = `${r.configAddress}\0${key}`;
        if (seen.has(dedupe)) return;
        seen.add(dedupe);
        const b = blockOf(ctx, r);
        let location = b ? at(b) : ctx.locator.fallback(r.modulePath);
        if (b) {
          const itemBlock = nestedBlock(b, 'item', i);
          if (itemBlock) {
            const a = findAttr(itemBlock, 'value');
            location = a ? lineOfInAttr(itemBlock, a, needlesFor(s)) : attrAt(itemBlock, 'value');
          }
        }
        out.push({
          ruleId: this.id,
          message: `metadata item ${q(key)} of ${r.address} shows ${describeSources(s)} without sensitive = true; Coder displays it in cleartext on the workspace page`,
          location,
          address: r.configAddress,
        });
      });
    }
    return out;
  },
};
