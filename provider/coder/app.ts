/**
 * coder_app: a shortcut in the dashboard that opens a URL proxied from inside the workspace, an
 * external URL on the user's machine, or a command in a terminal. Everything is ForceNew; the
 * provider only validates and records it, Coder acts on it.
 */
import { BigNumber, obj, type Value } from '../values/value';
import { attr, block, type Validator } from '../framework/schema';
import { validationError, warningDiag, type Diagnostic } from '../framework/diagnostics';
import type { ResourceDefinition } from '../framework/resource';
import { goQuote } from '../framework/go/quote';
import type { CoderProviderData } from './provider_data';
import { goLen, validUrl } from './validators';
import { newId } from './ids';

/** Hostname-safe slug; Coder's server checks the same pattern. */
export const APP_SLUG_RE = /^[a-z0-9](-?[a-z0-9])*$/;
const APP_SLUG_PATTERN = '^[a-z0-9](-?[a-z0-9])*$';

/** Byte limits (Go `len`) that mirror Coder's database columns. */
export const APP_DISPLAY_NAME_MAX = 64;
export const APP_GROUP_MAX = 64;
export const APP_TOOLTIP_MAX = 2048;

const stringRule =
  (ok: (s: string) => boolean, message: (s: string) => string): Validator =>
  (v) => (typeof v !== 'string' || ok(v) ? [] : [validationError(message(v))]);

const slugRule = stringRule(
  (s) => APP_SLUG_RE.test(s),
  (s) =>
    `invalid "coder_app" slug, must be a valid hostname (${goQuote(APP_SLUG_PATTERN)}, cannot contain two consecutive hyphens or start/end with a hyphen): ${goQuote(s)}`,
);
const maxBytes = (max: number, what: string): Validator => stringRule((s) => goLen(s) <= max, () => `${what} is too long (max ${max} characters)`);
const shareRule = stringRule(
  (s) => s === 'owner' || s === 'authenticated' || s === 'public',
  (s) => `invalid app share ${goQuote(s)}, must be one of "owner", "authenticated", "public"`,
);
const openInRule = stringRule(
  (s) => s === 'tab' || s === 'slim-window',
  (s) => `invalid "coder_app" open_in value, must be one of "tab", "slim-window": ${goQuote(s)}`,
);

export const appResource: ResourceDefinition<CoderProviderData> = {
  typeName: 'coder_app',
  schema: {
    version: 1,
    description: 'A shortcut in the Coder dashboard to an application of the workspace: a proxied web app, an external link, or a terminal command.',
    attributes: {
      agent_id: attr.string({ required: true, forceNew: true, description: 'The `id` of the coder_agent that serves the app.' }),
      command: attr.string({
        optional: true,
        forceNew: true,
        conflictsWith: ['url', 'subdomain'],
        description: 'Command run in a terminal when the app is opened (a new browser tab on the web, an SSH session from the CLI). Use either `command` or `url`; cannot be combined with `subdomain`.',
      }),
      display_name: attr.string({
        optional: true,
        forceNew: true,
        description: 'Name shown in the dashboard; the slug is used when unset. At most 64 bytes.',
        validators: [maxBytes(APP_DISPLAY_NAME_MAX, 'display name')],
      }),
      external: attr.bool({
        optional: true,
        forceNew: true,
        default: false,
        conflictsWith: ['healthcheck', 'command', 'subdomain', 'share'],
        description: 'Open `url` directly on the user\'s machine instead of proxying it through the workspace.',
      }),
      group: attr.string({
        optional: true,
        forceNew: true,
        description: 'Group the app is listed under. At most 64 bytes.',
        validators: [maxBytes(APP_GROUP_MAX, 'group name')],
      }),
      hidden: attr.bool({ optional: true, forceNew: true, default: false, description: 'Keep the app out of the dashboard (Coder v2.16 or later).' }),
      icon: attr.string({
        optional: true,
        forceNew: true,
        description: 'Icon URL shown in the dashboard, e.g. one of Coder\'s built-in icons under `/icon/`.',
        validators: [validUrl],
      }),
      open_in: attr.string({
        optional: true,
        forceNew: true,
        default: 'slim-window',
        description: 'Where the app opens: "slim-window" (the default; a browser window without navigation controls) or "tab".',
        validators: [openInRule],
      }),
      order: attr.int({ optional: true, forceNew: true, description: 'Position of the app in the dashboard; lowest first, ties sorted by name.' }),
      share: attr.string({
        optional: true,
        forceNew: true,
        default: 'owner',
        description: 'Who may open the app: "owner" (the default), "authenticated" (any signed-in user) or "public" (anyone). Deployments can restrict the allowed levels.',
        validators: [shareRule],
      }),
      slug: attr.string({
        required: true,
        forceNew: true,
        description: 'URL-safe name of the app: lowercase letters, digits and single hyphens, not at either end.',
        validators: [slugRule],
      }),
      subdomain: attr.bool({
        optional: true,
        forceNew: true,
        description: 'Serve the app on its own subdomain instead of a path (needs a wildcard access URL). Treated as false when unset.',
      }),
      tooltip: attr.string({
        optional: true,
        forceNew: true,
        description: 'Markdown shown when hovering over the app. At most 2048 bytes.',
        validators: [maxBytes(APP_TOOLTIP_MAX, 'tooltip')],
      }),
      url: attr.string({
        optional: true,
        forceNew: true,
        conflictsWith: ['command'],
        description: 'URL proxied from inside the workspace (e.g. http://localhost:8080/), or the link itself when `external` is true. Use either `url` or `command`.',
      }),
    },
    blocks: {
      healthcheck: block.set({
        maxItems: 1,
        forceNew: true,
        conflictsWith: ['command'],
        description: 'HTTP check that tells Coder when the app is ready.',
        attributes: {
          interval: attr.int({ required: true, forceNew: true, description: 'Seconds between checks.' }),
          threshold: attr.int({ required: true, forceNew: true, description: 'Consecutive failed checks before the app counts as unhealthy.' }),
          url: attr.string({
            required: true,
            forceNew: true,
            description: 'Address checked; any response below 500 received within `interval` seconds counts as healthy.',
          }),
        },
      }),
    },
  },

  create(planned) {
    const state = obj(Object.entries(planned));
    state.id = newId();
    // Settings that have no effect on a hidden app draw a warning, only when given a non-zero value.
    const diagnostics: Diagnostic[] = [];
    if (planned.hidden === true) {
      if (nonZero(planned.display_name)) diagnostics.push(warningDiag('`display_name` set when app is hidden'));
      if (nonZero(planned.icon)) diagnostics.push(warningDiag('`icon` set when app is hidden'));
      if (nonZero(planned.order)) diagnostics.push(warningDiag('`order` set when app is hidden'));
    }
    return { state, diagnostics };
  },
};

/** The SDK's GetOk: set and not the type's zero value. */
function nonZero(v: Value | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v !== '';
  if (typeof v === 'number') return v !== 0;
  if (v instanceof BigNumber) return Number(v.text) !== 0;
  return true;
}
