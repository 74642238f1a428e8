/**
 * coder_script: a script the agent runs on start, on stop and/or on a cron schedule. Several
 * scripts on one agent run in parallel. The run-condition rules are checked at apply time, after
 * the ID is set, so a violation leaves a tainted object exactly as the Go provider does.
 */
import { obj } from '../values/value';
import { attr, type Validator } from '../framework/schema';
import { errorDiag, validationError, validationWarning } from '../framework/diagnostics';
import type { ResourceDefinition } from '../framework/resource';
import { validateScriptCron } from '../framework/go/cron';
import type { CoderProviderData } from './provider_data';
import { intAtLeast } from './validators';
import { newId } from './ids';

/** Coder's ValidateCronExpression: a hint for Unix 5-field expressions, an error if unparsable. */
const cronRule: Validator = (v) => {
  if (typeof v !== 'string') return [];
  const { warnings, errors } = validateScriptCron(v);
  return [...warnings.map(validationWarning), ...errors.map(validationError)];
};

export const scriptResource: ResourceDefinition<CoderProviderData> = {
  typeName: 'coder_script',
  schema: {
    version: 1,
    description: 'A script the workspace agent runs at start, at stop or on a schedule. Scripts of the same agent run in parallel.',
    attributes: {
      agent_id: attr.string({ required: true, forceNew: true, description: 'The `id` of the coder_agent that runs the script.' }),
      cron: attr.string({
        optional: true,
        forceNew: true,
        description:
          'Schedule in 6-field cron syntax with a leading seconds field: `seconds minutes hours day-of-month month day-of-week`, e.g. "0 */10 * * * *" for every ten minutes. A Unix 5-field expression draws a warning.',
        validators: [cronRule],
      }),
      display_name: attr.string({ required: true, forceNew: true, description: 'Name of the script in the dashboard and its logs.' }),
      icon: attr.string({ optional: true, forceNew: true, description: 'Icon URL shown next to the script\'s logs, e.g. one of Coder\'s built-in icons under `/icon/`.' }),
      log_path: attr.string({ optional: true, forceNew: true, description: 'File the script\'s output is written to; a relative path is taken relative to the agent\'s temporary directory.' }),
      run_on_start: attr.bool({ optional: true, forceNew: true, default: false, description: 'Run the script when the agent starts; it should exit once the workspace is ready.' }),
      run_on_stop: attr.bool({ optional: true, forceNew: true, default: false, description: 'Run the script when the workspace stops; it should exit once it is safe to stop.' }),
      script: attr.string({ required: true, forceNew: true, description: 'The script itself.' }),
      start_blocks_login: attr.bool({
        optional: true,
        forceNew: true,
        default: false,
        description: 'Make logins wait until this start script has finished (users can still choose to connect earlier). Requires `run_on_start`.',
      }),
      timeout: attr.int({
        optional: true,
        forceNew: true,
        default: 0,
        description: 'Seconds the script may run before it is killed and the agent is marked as timed out. 0, the default, means no limit; a configured value must be at least 1.',
        validators: [intAtLeast(1)],
      }),
    },
  },

  create(planned) {
    const state = obj(Object.entries(planned));
    state.id = newId();
    const runOnStart = planned.run_on_start === true;
    const runOnStop = planned.run_on_stop === true;
    const cron = typeof planned.cron === 'string' ? planned.cron : '';
    if (!runOnStart && !runOnStop && cron === '') {
      return { state, diagnostics: [errorDiag('at least one of "run_on_start", "run_on_stop", or "cron" must be set')] };
    }
    if (!runOnStart && planned.start_blocks_login === true) {
      return { state, diagnostics: [errorDiag('"start_blocks_login" can only be set if "run_on_start" is "true"')] };
    }
    return { state };
  },
};
