/**
 * coder_ai_task: marks the workspace as able to run Coder Tasks and names the coder_app that is
 * the task's AI interface. Inside a task build Coder sets CODER_TASK_ID (which becomes this
 * resource's ID, with `enabled = true`) and CODER_TASK_PROMPT. A missing app is reported at apply
 * time after the ID is chosen, so, as with the Go provider, the object is left tainted.
 */
import { obj, type ObjectValue, type Value } from '../values/value';
import { attr, block } from '../framework/schema';
import { errorDiag } from '../framework/diagnostics';
import type { ResourceDefinition } from '../framework/resource';
import { NIL_UUID, parseUuid } from '../framework/go/uuid';
import type { CoderProviderData } from './provider_data';
import { isUuid } from './validators';
import { newId } from './ids';

export const aiTaskResource: ResourceDefinition<CoderProviderData> = {
  typeName: 'coder_ai_task',
  schema: {
    version: 1,
    description: 'Declares that workspaces of this template can run Coder Tasks, and which app provides the AI interface.',
    attributes: {
      app_id: attr.string({
        optional: true,
        computed: true,
        forceNew: true,
        conflictsWith: ['sidebar_app'],
        description: 'The `id` of the coder_app that serves the AI interface of the task.',
        validators: [isUuid],
      }),
      enabled: attr.bool({
        computed: true,
        description: 'Whether this build runs as a Coder Task (true) or as an ordinary workspace (false). Set by Coder v2.28 and later.',
      }),
      // Declared explicitly, unlike every other resource: computed only, never configurable.
      id: attr.string({ computed: true, description: 'The task ID inside a task build, otherwise a random UUID.' }),
      prompt: attr.string({ computed: true, description: 'The prompt Coder started the task with (Coder v2.28 and later); null outside a task.' }),
    },
    blocks: {
      sidebar_app: block.set({
        maxItems: 1,
        forceNew: true,
        conflictsWith: ['app_id'],
        deprecated: 'This field has been deprecated in favor of the `app_id` field.',
        description: 'Deprecated: the coder_app shown in the task sidebar. Use `app_id`.',
        attributes: {
          id: attr.string({ required: true, forceNew: true, description: 'The `id` of a coder_app of this template.', validators: [isUuid] }),
        },
      }),
    },
  },

  create(planned, ctx) {
    const state = obj(Object.entries(planned));
    // CODER_TASK_ID is parsed leniently (google/uuid rules) and normalised; a malformed or nil
    // value is not an error here, it just means "not a task".
    const task = parseUuid(ctx.env('CODER_TASK_ID') ?? '');
    if (task.ok && task.uuid !== NIL_UUID) {
      state.id = task.uuid;
      state.enabled = true;
    } else {
      state.id = newId();
      state.enabled = false;
    }
    const prompt = ctx.env('CODER_TASK_PROMPT') ?? '';
    if (prompt !== '') state.prompt = prompt;

    let appId = typeof planned.app_id === 'string' ? planned.app_id : '';
    const sidebar = asList(planned.sidebar_app);
    if (appId === '' && sidebar.length > 0) {
      const legacyId = (sidebar[0] as ObjectValue).id;
      if (typeof legacyId === 'string' && legacyId !== '') {
        appId = legacyId;
        state.app_id = legacyId;
      }
    }
    if (appId === '') return { state, diagnostics: [errorDiag("'app_id' must be set")] };
    return { state };
  },
};

const asList = (v: Value | undefined): Value[] => (Array.isArray(v) ? v : []);
