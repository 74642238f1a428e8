/**
 * data coder_task: whether this build runs a Coder Task, from CODER_TASK_ID (the task's UUID) and
 * CODER_TASK_PROMPT. Without a task ID, or with the canonical nil UUID, the task is disabled and
 * the ID is random; any other spelling google/uuid accepts is kept exactly as given.
 */
import { obj } from '../values/value';
import { attr } from '../framework/schema';
import { errorDiag } from '../framework/diagnostics';
import type { DataSourceDefinition } from '../framework/resource';
import { NIL_UUID, parseUuid } from '../framework/go/uuid';
import type { CoderProviderData } from './provider_data';
import { optionalEnv } from './env_helpers';
import { newId } from './ids';

export const taskDataSource: DataSourceDefinition<CoderProviderData> = {
  typeName: 'coder_task',
  schema: {
    version: 0,
    description: 'Whether the build belongs to a Coder Task, and its prompt.',
    attributes: {
      enabled: attr.bool({ computed: true, description: 'True when the build runs a Coder Task, false in an ordinary workspace.' }),
      id: attr.string({ computed: true, description: 'The task UUID in a task, else a random UUID.' }),
      prompt: attr.string({ computed: true, description: 'The prompt the task was given; empty outside a task.' }),
    },
  },
  read(_config, ctx) {
    const prompt = optionalEnv(ctx.env, 'CODER_TASK_PROMPT');
    const taskId = optionalEnv(ctx.env, 'CODER_TASK_ID');
    if (taskId === '' || taskId === NIL_UUID) return { state: obj({ id: newId(), enabled: false, prompt }) };
    const parsed = parseUuid(taskId);
    if (!parsed.ok) return { state: null, diagnostics: [errorDiag(parsed.error)] };
    return { state: obj({ id: taskId, enabled: true, prompt }) };
  },
};
