/**
 * Writes HCL from the plain objects the unit tables use for configs: an array of objects is a
 * sequence of nested blocks, any other array a list, an object a map attribute.
 */
export type HclValue = string | number | boolean | null | readonly HclValue[] | { readonly [k: string]: HclValue };
export type HclBody = { readonly [k: string]: HclValue | readonly HclBody[] | undefined };

/** An HCL quoted string: JSON escapes HCL also reads, with template sequences escaped. */
export function hclString(s: string): string {
  const json = JSON.stringify(s).replace(/\\[bf]/g, (e) => (e === '\\b' ? '\\u0008' : '\\u000c'));
  return json.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

function isBlockList(v: unknown): v is readonly HclBody[] {
  return Array.isArray(v) && v.length > 0 && v.every((e) => e !== null && typeof e === 'object' && !Array.isArray(e));
}

export function hclValue(v: HclValue): string {
  if (typeof v === 'string') return hclString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${(v as readonly HclValue[]).map(hclValue).join(', ')}]`;
  const entries = Object.entries(v as Record<string, HclValue>);
  return `{ ${entries.map(([k, x]) => `${hclString(k)} = ${hclValue(x)}`).join(', ')} }`;
}

export function hclBody(body: HclBody, indent = '  '): string {
  let out = '';
  for (const [k, v] of Object.entries(body)) {
    if (v === undefined) continue;
    if (isBlockList(v)) {
      for (const b of v) out += `${indent}${k} {\n${hclBody(b, `${indent}  `)}${indent}}\n`;
    } else {
      out += `${indent}${k} = ${hclValue(v as HclValue)}\n`;
    }
  }
  return out;
}

/** `kind "type" "label" { ... }` */
export function hclBlock(kind: 'resource' | 'data', type: string, label: string, body: HclBody): string {
  return `${kind} "${type}" "${label}" {\n${hclBody(body)}}\n`;
}
