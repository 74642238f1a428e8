/**
 * The Go provider's environment helpers (provider/helpers/env.go), over the context's env.
 * Most variables treat "" like unset; the few presence-sensitive ones read ctx.env directly.
 */
import type { Env } from '../framework/resource';

/** OptionalEnv: the value, or "" when unset or empty. */
export const optionalEnv = (env: Env, name: string): string => env(name) ?? '';

/** OptionalEnvOrDefault: the value when non-empty, else the default. */
export const optionalEnvOr = (env: Env, name: string, fallback: string): string => env(name) || fallback;

/** A real workspace build (not a local plan) is marked by a non-empty CODER_WORKSPACE_BUILD_ID. */
export const isWorkspaceBuild = (env: Env): boolean => !!env('CODER_WORKSPACE_BUILD_ID');

/** RequireEnv: strict only during a real build; returns [value, error text]. */
export function requireEnv(env: Env, name: string): { value: string; error?: string } {
  const value = env(name) ?? '';
  if (isWorkspaceBuild(env) && value === '') return { value, error: `${name} is required` };
  return { value };
}
