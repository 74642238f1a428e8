/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, GitLab, IDEs). One
 * run, every rule of the catalog as a reportingDescriptor, one result per finding with a physical
 * location relative to %SRCROOT% (the directory the check was started in).
 */
import * as crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { CheckResult } from '../runner';
import { RULES } from '../rules/catalog';
import { displayPath } from './paths';

const LEVEL = { error: 'error', warning: 'warning', note: 'note' } as const;

function ruleName(id: string): string {
  return id
    .split(/[/-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

export function renderSarif(result: CheckResult, cwd: string): string {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const results = result.templates.flatMap((t) =>
    t.findings.map((f) => {
      const uri = displayPath(t, f, cwd);
      const region = f.location.line ? { startLine: f.location.line, ...(f.location.column ? { startColumn: f.location.column } : {}) } : undefined;
      const fingerprint = crypto.createHash('sha256').update([f.ruleId, uri, f.address ?? '', f.message].join('\0')).digest('hex').slice(0, 32);
      return {
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
        level: LEVEL[f.severity],
        message: { text: f.scenarios.length ? `${f.message} (scenarios: ${f.scenarios.join(', ')})` : f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: uri.startsWith('/') ? { uri: pathToFileURL(uri).href } : { uri, uriBaseId: '%SRCROOT%' },
              ...(region ? { region } : {}),
            },
          },
        ],
        partialFingerprints: { checkFinding: fingerprint },
        properties: { scenarios: f.scenarios, template: t.dir },
      };
    }),
  );
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'terraform-provider-coder check',
            version: result.version,
            semanticVersion: result.version,
            informationUri: 'https://registry.terraform.io/providers/coder/coder/latest/docs',
            rules: RULES.map((r) => ({
              id: r.id,
              name: ruleName(r.id),
              shortDescription: { text: r.title },
              fullDescription: { text: r.help },
              help: { text: r.help },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { tags: [r.id.startsWith('secret/') ? 'security' : 'correctness'] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        results,
      },
    ],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
