/**
 * The magic cookie check that tells "started by Terraform/OpenTofu" from "run by a human".
 */
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from './constants';

/** go-plugin's exact refusal text (sec. 1.3); written to stderr, exit status 1, nothing on stdout. */
export const REFUSAL_TEXT =
  'This binary is a plugin. These are not meant to be executed directly.\n' +
  'Please execute the program that consumes these plugins, which will\n' +
  'load any plugins automatically\n';

export function hasMagicCookie(env: NodeJS.ProcessEnv): boolean {
  return env[MAGIC_COOKIE_KEY] === MAGIC_COOKIE_VALUE;
}
