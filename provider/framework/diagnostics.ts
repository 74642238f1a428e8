/**
 * Diagnostics as the framework produces them. The protocol Diagnostic (provider/protocol) is the
 * wire shape; here we add builders and the SDK's conventions for where a message goes.
 */
import type { AttributePath, Diagnostic, PathStep } from '../protocol/interface';

export type { Diagnostic, AttributePath, PathStep };

/** What a validator returns: the framework attaches the attribute path. */
export interface ValidationDiag {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail?: string;
}

export const errorDiag = (summary: string, detail?: string, path?: AttributePath): Diagnostic => ({
  severity: 'error',
  summary,
  ...(detail !== undefined ? { detail } : {}),
  ...(path && path.length > 0 ? { path } : {}),
});

export const warningDiag = (summary: string, detail?: string, path?: AttributePath): Diagnostic => ({
  severity: 'warning',
  summary,
  ...(detail !== undefined ? { detail } : {}),
  ...(path && path.length > 0 ? { path } : {}),
});

/** SDK validators put their whole message in the summary and leave the detail empty. */
export const validationError = (summary: string): ValidationDiag => ({ severity: 'error', summary });
export const validationWarning = (summary: string): ValidationDiag => ({ severity: 'warning', summary });

export const hasErrors = (diags: readonly Diagnostic[]): boolean => diags.some((d) => d.severity === 'error');

/**
 * Thrown by framework code to abort the current RPC with diagnostics (e.g. an undecodable value).
 * The provider server converts it into a normal response carrying these diagnostics.
 */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.summary).join('; '));
  }
}

export const attrStep = (name: string): PathStep => ({ attribute: name });
export const indexStep = (index: number): PathStep => ({ index });
export const keyStep = (key: string): PathStep => ({ key });
