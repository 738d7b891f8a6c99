/** The work queue as other modules may use it: alerts, follow-ups, due and overdue items. */

export {
  countPatientTasks,
  getTask,
  listTasks,
  readTaskQueue,
  type TaskFilter,
  type TaskPage,
} from './list-tasks.js';
export { type CreateTaskInput, createTask, type OpenTaskInput, openTask } from './open-task.js';
export {
  assignTask,
  type CloseTasksOptions,
  cancelTasksFor,
  closeTasksFor,
  resolveTask,
} from './resolve-task.js';
