// Import rules of DESIGN.md ("arrows point one way only"), checked by `npm run deps:check` in CI.
// Paths are relative to the repository root; `depcruise packages` cruises every workspace package.
const SERVER = '^packages/server/src/';
const MODULES = `${SERVER}modules/`;
// A module's HTTP routes: routes.ts, or a purpose-named variant such as public-routes.ts.
const ROUTES = `${MODULES}[^/]+/[a-z-]*routes\\.ts$`;

// Server files that may use Kysely as a value (query builder, `sql`, Migrator): repositories,
// the db layer, and the test harness that creates and drops databases.
const MAY_USE_KYSELY = [
  `${MODULES}[^/]+/repo\\.ts$`,
  `${MODULES}[^/]+/repo/`,
  `${SERVER}db/`,
  `${SERVER}test/`,
  '\\.test\\.ts$',
  'global-setup\\.ts$',
];

// Packages that do I/O or belong to one runtime; the domain is pure and runs everywhere.
const IO_PACKAGES =
  '(^|/)node_modules/(kysely|pg|pg-[^/]+|@electric-sql|fastify|@fastify|fastify-[^/]+|pino|@node-rs|otplib|commander|react|react-dom|@mantine|@tanstack|react-router|vite|playwright-core|autocannon)/';

const importRules = [
  {
    name: 'domain-imports-no-app',
    comment: 'packages/domain is the shared core: it imports neither the server nor the web app.',
    severity: 'error',
    from: { path: '^packages/domain/' },
    to: { path: '^packages/(server|web)/' },
  },
  {
    name: 'domain-does-no-io',
    comment:
      'packages/domain does no I/O: no node: built-ins, no database, HTTP, logging or UI libraries. ' +
      'Pass the time, ids and data in as arguments.',
    severity: 'error',
    from: { path: '^packages/domain/' },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'domain-uses-no-io-packages',
    comment: 'packages/domain does no I/O: no database, HTTP, logging, CLI or UI libraries.',
    severity: 'error',
    from: { path: '^packages/domain/' },
    to: { path: IO_PACKAGES },
  },
  {
    name: 'web-does-not-import-server',
    comment: 'The web app talks to the server only through the HTTP API (shared schemas live in domain).',
    severity: 'error',
    from: { path: '^packages/web/' },
    to: { path: '^packages/server/' },
  },
  {
    name: 'server-does-not-import-web',
    comment: 'The server serves the built web app as files; it never imports its code.',
    severity: 'error',
    from: { path: '^packages/server/' },
    to: { path: '^packages/web/' },
  },
  {
    name: 'kysely-only-in-repos',
    comment:
      'Only repositories (modules/*/repo.ts), db/ and the test harness use Kysely as a value. ' +
      'Elsewhere `import type { Kysely }` is fine; move the query into a repo function.',
    severity: 'error',
    from: { path: '^packages/server/', pathNot: MAY_USE_KYSELY },
    to: { path: '(^|/)node_modules/kysely/', dependencyTypesNot: ['type-only'] },
  },
  {
    // No type-only exemption here: dependency-cruiser 17 marks `import pg, { type X } from 'pg'`
    // (a default import plus a type) as type-only. (Kysely has no default export, so the rule
    // above is not affected.)
    name: 'database-drivers-only-in-db',
    comment: 'pg and PGlite are opened in db/database.ts only; everything else receives a Kysely handle.',
    severity: 'error',
    from: { path: '^packages/server/', pathNot: [`${SERVER}db/`, `${SERVER}test/`] },
    to: { path: '(^|/)node_modules/(pg|@electric-sql/pglite)/' },
  },
  {
    name: 'module-through-its-index',
    comment:
      'A module uses another module only through modules/<other>/index.ts, never its repo.ts or ' +
      'use-case files. Export what you need from that index.',
    severity: 'error',
    from: { path: `${MODULES}([^/]+)/` },
    to: {
      path: MODULES,
      pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/index\\.ts$`],
    },
  },
  {
    name: 'outside-modules-through-index',
    comment:
      'Code outside modules/ (cli, seed, bench …) uses a module only through its index.ts. ' +
      'The HTTP layer, db/ and the test harness have their own allowances.',
    severity: 'error',
    from: { path: '^packages/', pathNot: [MODULES, `${SERVER}http/`, `${SERVER}db/`, `${SERVER}test/`] },
    to: { path: MODULES, pathNot: `${MODULES}[^/]+/index\\.ts$` },
  },
  {
    name: 'db-knows-modules-by-their-table-types',
    comment:
      "db/schema.ts composes the database type from each module's tables.ts; db/ imports nothing " +
      'else of a module.',
    severity: 'error',
    from: { path: `${SERVER}db/` },
    to: { path: MODULES, pathNot: `${MODULES}[^/]+/tables\\.ts$` },
  },
  {
    name: 'db-imports-table-types-only',
    comment: "db/ imports a module's tables.ts with `import type` only.",
    severity: 'error',
    from: { path: `${SERVER}db/` },
    to: { path: `${MODULES}[^/]+/tables\\.ts$`, dependencyTypesNot: ['type-only'] },
  },
  {
    name: 'http-through-index-or-routes',
    comment:
      'The HTTP layer mounts modules/*/routes.ts (and *-routes.ts) and resolves sessions with modules/auth/sessions.ts; ' +
      'anything else of a module it reaches through modules/<m>/index.ts.',
    severity: 'error',
    from: { path: `${SERVER}http/` },
    to: {
      path: MODULES,
      pathNot: [`${MODULES}[^/]+/index\\.ts$`, ROUTES, `${MODULES}auth/sessions\\.ts$`],
    },
  },
  {
    name: 'routes-do-not-query',
    comment: 'routes → use cases → repo: a routes.ts parses and authorizes, then calls a use case.',
    severity: 'error',
    from: { path: ROUTES },
    to: { path: [`${MODULES}.+/repo\\.ts$`, `${MODULES}[^/]+/repo/`] },
  },
  {
    name: 'repos-are-the-bottom',
    comment: 'A repo holds SQL only: it never calls routes, use cases of other layers, or the HTTP layer.',
    severity: 'error',
    from: { path: `${MODULES}.+/repo\\.ts$` },
    to: { path: [`${SERVER}http/`, ROUTES] },
  },
  {
    name: 'no-circular',
    comment: 'Arrows point one way only: no import cycles among imports that exist at run time.',
    severity: 'error',
    from: {},
    // A cycle with a type-only link does not exist at run time (db/schema.ts composes the
    // modules' tables.ts types, which use its TenantColumns).
    to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
  },
  {
    name: 'not-to-unresolvable',
    comment: 'Every import resolves to a file or an installed package.',
    severity: 'error',
    from: {},
    to: { couldNotResolve: true },
  },
];

// Module cycles are checked in a second pass over modules/ alone (production code, no tests):
// dependency-cruiser finds them on the graph of folders, and in the whole graph the HTTP layer
// sits between every pair of modules in both directions by design (http/app.ts mounts each
// routes.ts; each routes.ts calls http/request-context.ts), which would show as cycles.
// `npm run deps:check` runs both passes; TRELLIS_DEPS_PASS=modules selects the second.
const moduleCycleRules = [
  {
    name: 'no-circular-between-modules',
    comment:
      'Modules depend on each other in one direction only (A uses B, or B uses A, never both), ' +
      'even when every file-level import goes through an index.ts. Move the shared piece down ' +
      '(into domain, or into the module both use), or pass the value in from the caller.',
    severity: 'error',
    scope: 'folder',
    from: { path: `${MODULES}[^/]+$` },
    to: { path: `${MODULES}[^/]+$`, circular: true },
  },
];

const modulePass = process.env.TRELLIS_DEPS_PASS === 'modules';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: modulePass ? moduleCycleRules : importRules,
  options: {
    ...(modulePass ? { includeOnly: { path: MODULES } } : {}),
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: modulePass
        ? ['^packages/[^/]+/dist/', '^data/', '\\.test\\.tsx?$']
        : ['^packages/[^/]+/dist/', '^data/'],
    },
    // Type-only imports (`import type …`) are marked 'type-only', so rules can allow them.
    tsPreCompilationDeps: true,
    // `import … from './x.js'` resolves to x.ts (dependency-cruiser tries .ts for a missing .js).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
