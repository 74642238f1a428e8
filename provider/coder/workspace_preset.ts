/**
 * data coder_workspace_preset: a named set of parameter values users can pick when creating a
 * workspace, optionally with a pool of prebuilt workspaces (count, expiry, and time-of-day
 * schedules). Its ID is its name. Validation is mostly schema-level; Read only checks that the
 * prebuild schedules do not overlap.
 */
import { obj, type ObjectValue, type Value } from '../values/value';
import { attr, block, type Validator } from '../framework/schema';
import { errorDiag, validationError } from '../framework/diagnostics';
import type { DataSourceDefinition } from '../framework/resource';
import { goQuote } from '../framework/go/quote';
import { loadLocation } from '../framework/go/timezone';
import { validatePresetCron, validateSchedules } from '../framework/go/cron';
import type { CoderProviderData } from './provider_data';
import { check, intAtLeast, lengthBetween, notEmpty, validUrl } from './validators';

const TTL_MIN = 3600;
const TTL_MAX = 31536000;

/** ttl: 0 turns expiry off; otherwise between an hour and a year. */
const ttlRange: Validator = (v, key) => {
  const n = typeof v === 'number' ? v : Number(String(v));
  if (n === 0 || (n >= TTL_MIN && n <= TTL_MAX)) return [];
  return [validationError(`${goQuote(key)} must be 0 or between ${TTL_MIN} and ${TTL_MAX}, got ${String(v)}`)];
};

/** timezone: any name Go's time.LoadLocation accepts. */
const timezone: Validator = (v) => {
  if (typeof v !== 'string') return [];
  const r = loadLocation(v);
  return r.ok ? [] : [validationError(`failed to load timezone ${goQuote(v)}: ${r.error}`)];
};

const cron = check(
  (s) => validatePresetCron(s) === undefined,
  (s) => validatePresetCron(s) as string,
);

const list = (v: Value | undefined): ObjectValue[] => (Array.isArray(v) ? (v as ObjectValue[]) : []);

export const workspacePresetDataSource: DataSourceDefinition<CoderProviderData> = {
  typeName: 'coder_workspace_preset',
  schema: {
    version: 1,
    description: 'A named set of parameter values offered when creating a workspace, optionally backed by prebuilt workspaces.',
    attributes: {
      default: attr.bool({ optional: true, default: false, description: 'Whether the preset is preselected; at most one per template.' }),
      description: attr.string({ optional: true, description: 'Explains the preset (at most 128 bytes).', validators: [lengthBetween(0, 128)] }),
      icon: attr.string({
        optional: true,
        forceNew: true,
        description: 'URL or path of an icon for the preset (at most 256 bytes).',
        validators: [validUrl, lengthBetween(0, 256)],
      }),
      id: attr.string({ computed: true, description: 'Same as `name`.' }),
      name: attr.string({ required: true, description: 'Name of the preset.', validators: [notEmpty] }),
      parameters: attr.stringMap({
        optional: true,
        description: 'Parameter values by parameter name; names absent from the template are allowed.',
      }),
    },
    blocks: {
      prebuilds: block.set({
        maxItems: 1,
        description: 'A pool of prebuilt workspaces for this preset, handed out when users create workspaces from it.',
        attributes: {
          instances: attr.int({ required: true, forceNew: true, description: 'How many prebuilt workspaces to keep ready.', validators: [intAtLeast(0)] }),
        },
        blocks: {
          expiration_policy: block.set({
            maxItems: 1,
            description: 'When unclaimed prebuilt workspaces are replaced.',
            attributes: {
              ttl: attr.int({
                required: true,
                forceNew: true,
                description: 'Seconds after which an unclaimed prebuild expires: 0 (never) or 3600 to 31536000.',
                validators: [ttlRange],
              }),
            },
          }),
          scheduling: block.list({
            maxItems: 1,
            description: 'Pool sizes that vary with the time of day and week.',
            attributes: {
              timezone: attr.string({ required: true, description: 'IANA time zone the schedules are read in.', validators: [timezone] }),
            },
            blocks: {
              schedule: block.list({
                required: true,
                minItems: 1,
                description: 'A period and the pool size during it.',
                attributes: {
                  cron: attr.string({
                    required: true,
                    description: 'When the period is active: "* HOUR DOM MONTH DOW"; the minute field must be "*".',
                    validators: [cron],
                  }),
                  instances: attr.int({ required: true, description: 'Pool size during the period.' }),
                },
              }),
            },
          }),
        },
      }),
    },
  },
  read(config) {
    const scheduling = list(list(config.prebuilds)[0]?.scheduling)[0];
    const crons = list(scheduling?.schedule).map((s) => (typeof s.cron === 'string' ? s.cron : ''));
    const overlap = validateSchedules(crons);
    if (overlap !== undefined) return { state: null, diagnostics: [errorDiag(`schedules overlap with each other: ${overlap}`)] };
    return { state: obj({ id: typeof config.name === 'string' ? config.name : '' }) };
  },
};
