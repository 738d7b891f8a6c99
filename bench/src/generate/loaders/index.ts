import type { Loader } from '../loader.js';
import { auditLoader } from './audit.js';
import { organizationsLoader } from './organizations.js';
import { usersLoader } from './users.js';

/**
 * Every loader, in dependency order. Add a loader here when a module's migration lands; a loader
 * whose tables do not exist yet is skipped, so the list may run ahead of the schema.
 */
export const LOADERS: Loader[] = [organizationsLoader, usersLoader, auditLoader];
