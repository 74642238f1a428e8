/** How reports name a file: relative to the current directory when the template is below it. */
import * as path from 'node:path';
import type { Finding } from '../findings';
import type { TemplateResult } from '../runner';

export function displayPath(t: Pick<TemplateResult, 'absDir'>, f: Pick<Finding, 'location'>, cwd: string): string {
  const abs = path.resolve(t.absDir, f.location.file);
  const rel = path.relative(cwd, abs);
  const p = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  return p.split(path.sep).join('/');
}

export function displayLocation(t: Pick<TemplateResult, 'absDir'>, f: Pick<Finding, 'location'>, cwd: string): string {
  const p = displayPath(t, f, cwd);
  if (!f.location.line) return p;
  return `${p}:${f.location.line}${f.location.column ? `:${f.location.column}` : ''}`;
}
