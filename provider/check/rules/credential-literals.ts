/**
 * Literals shaped like well-known credentials in the template's files (.tf, .tf.json, .tfvars),
 * comments included: whatever is in the files is committed, pushed to Coder and stored with every
 * template version. The finding names the kind of credential and its position, never its text.
 */
import { findCredentials } from '../credentials';
import type { RawFinding } from '../findings';
import type { Locator } from '../locator';

export const CREDENTIAL_LITERAL_RULE = 'secret/credential-literal';

export function credentialLiterals(locator: Locator): RawFinding[] {
  const out: RawFinding[] = [];
  for (const f of locator.sourceFiles) {
    const starts = [0];
    for (let i = 0; i < f.text.length; i++) if (f.text.charCodeAt(i) === 10) starts.push(i + 1);
    for (const m of findCredentials(f.text)) {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1]! <= m.offset) line++;
      out.push({
        ruleId: CREDENTIAL_LITERAL_RULE,
        message: `${f.rel} contains ${m.kind.name} written as a literal; remove it from the template, rotate it, and bring it in through a sensitive variable, data "coder_secret" or a secret manager`,
        location: { file: f.rel, line: line + 1, column: m.offset - starts[line]! + 1 },
      });
    }
  }
  return out;
}
