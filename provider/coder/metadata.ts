/**
 * coder_metadata: key/value items the dashboard shows on a workspace resource. `sensitive` only
 * hides an item behind a click in the UI (the value still reaches Coder's API), so a secret placed
 * here needs `sensitive = true` at the very least; `coder check` warns about the rest.
 */
import { obj, type ObjectValue, type Value } from '../values/value';
import { attr, block } from '../framework/schema';
import { errorDiag } from '../framework/diagnostics';
import type { ResourceDefinition } from '../framework/resource';
import { goQuote } from '../framework/go/quote';
import type { CoderProviderData } from './provider_data';
import { validUrl } from './validators';
import { newId } from './ids';

export const metadataResource: ResourceDefinition<CoderProviderData> = {
  typeName: 'coder_metadata',
  schema: {
    version: 1,
    description: 'Attaches metadata items, an icon and a daily cost to a resource of the workspace.',
    attributes: {
      daily_cost: attr.int({ optional: true, forceNew: true, description: 'Cost of the resource per day, in the smallest unit of the quota currency.' }),
      hide: attr.bool({ optional: true, forceNew: true, description: 'Hide the resource in the dashboard.' }),
      icon: attr.string({ optional: true, forceNew: true, description: 'Icon shown for the resource: a URL or a /icon path.', validators: [validUrl] }),
      resource_id: attr.string({ required: true, forceNew: true, description: 'The `id` of the resource the metadata describes.' }),
    },
    blocks: {
      item: block.list({
        forceNew: true,
        description: 'One metadata item.',
        attributes: {
          is_null: attr.bool({ computed: true, forceNew: true, description: 'True when `value` was null.' }),
          key: attr.string({ required: true, forceNew: true, description: 'Label of the item; unique within the resource.' }),
          sensitive: attr.bool({ optional: true, forceNew: true, default: false, description: 'Hide the value in the dashboard until revealed.' }),
          value: attr.string({ optional: true, forceNew: true, description: 'The value; may be null.' }),
        },
      }),
    },
  },

  customizeDiff(planned, changed) {
    if (!changed.has('item')) return [];
    const seen = new Set<string>();
    for (const item of asList(planned.item)) {
      const key = typeof (item as ObjectValue).key === 'string' ? ((item as ObjectValue).key as string) : '';
      if (seen.has(key)) return [errorDiag(`duplicate resource metadata key ${goQuote(key)}`)];
      seen.add(key);
    }
    return [];
  },

  create(planned) {
    const state = obj(Object.entries(planned));
    state.id = newId();
    // A null value is stored as "" with is_null = true, so Coder can tell "unset" from "empty".
    state.item = asList(planned.item).map((raw) => {
      const item = raw as ObjectValue;
      const value = item.value ?? null;
      return obj({
        key: typeof item.key === 'string' ? item.key : '',
        value: value === null ? '' : value,
        sensitive: item.sensitive ?? false,
        is_null: value === null,
      });
    });
    return { state };
  },
};

const asList = (v: Value | undefined): Value[] => (Array.isArray(v) ? v : []);
