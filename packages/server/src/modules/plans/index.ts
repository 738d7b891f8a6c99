/** The plans module as other modules (and the demo seed) may use it. */
export { listDuePlans } from './due-plans.js';
export { closePlanTasksAtEpisodeEnd } from './episode-end.js';
export { getEpisodePlan, getPlan } from './get-plan.js';
export { issuePlanLink } from './plan-links.js';
export { startReview } from './review-plan.js';
export { savePlanDraft } from './save-draft.js';
export { getPlanSettings, savePlanSettings } from './settings.js';
export { cosignPlan, signPlanAsClinician, signPlanInPerson, submitPlan } from './sign-plan.js';
export { startPlan } from './start-plan.js';
export { ensureLibrary, listPlanTemplates } from './template-library.js';
