/**
 * The layering of DESIGN.md ("The shape of the code"), checked on every `npm test`: dependencies point one
 * way (index -> config, serve, server -> tools -> catalog, guard, output, membrane -> schema), no cycles,
 * only membrane/cli.ts spawns processes, and the sandbox shares nothing with the server but the CLI contract.
 */
const above = (...folders) => `^src/(${folders.join("|")})(/|\\.ts$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "type-only loops (combinators.ts names convertNode's type) vanish at runtime",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "only-cli-spawns",
      comment: "execa only in membrane/cli/process-runner.ts; the sandbox's own bin is a separate program",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/membrane/cli/process-runner\\.ts$"] },
      // Type-only imports (cli-failure.ts reads execa's Result type, process-tree.ts its ResultPromise) spawn nothing.
      to: { path: "node_modules/execa/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "schema-is-a-leaf",
      severity: "error",
      from: { path: "^src/schema/" },
      to: {
        path: above(
          "index",
          "config",
          "options",
          "server",
          "services",
          "serve",
          "tools",
          "catalog",
          "guard",
          "output",
          "membrane",
          "doctor",
          "demo",
          "sandbox",
        ),
      },
    },
    {
      name: "membrane-climbs-nothing",
      severity: "error",
      from: { path: "^src/membrane/" },
      // Allowed: the scrubber is a leaf (cli-failure.ts scrubs stderr tails before they travel); client.ts
      // names proxy-guard's GuardedRequest (types only, checked by the next rule) so only guarded requests run.
      to: {
        pathNot: ["^src/(redact/(scrub|secret-patterns)|guard/proxy-guard)\\.ts$"],
        path: above(
          "index",
          "config",
          "options",
          "server",
          "services",
          "serve",
          "tools",
          "catalog",
          "guard",
          "output",
          "schema",
          "doctor",
          "demo",
          "sandbox",
        ),
      },
    },
    {
      name: "membrane-types-from-guard",
      comment: "membrane/ may name guard/proxy-guard's types, never run its code",
      severity: "error",
      from: { path: "^src/membrane/" },
      to: { path: "^src/guard/proxy-guard\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "guard-and-output-stay-low",
      comment: "guard/ and output/ use errors, log, membrane/contract and each other, nothing above",
      severity: "error",
      from: { path: "^src/(guard|output)/" },
      to: {
        path: [
          above(
            "index",
            "config",
            "options",
            "server",
            "services",
            "serve",
            "tools",
            "catalog",
            "schema",
            "doctor",
            "demo",
            "sandbox",
          ),
          "^src/membrane/(?!contract/)",
        ],
      },
    },
    {
      name: "catalog-below-tools",
      severity: "error",
      from: { path: "^src/catalog/" },
      to: { path: above("index", "server", "services", "serve", "tools", "doctor", "demo", "sandbox") },
    },
    {
      name: "tools-below-server",
      severity: "error",
      from: { path: "^src/tools/" },
      to: { path: above("index", "server", "services", "serve", "doctor", "demo", "sandbox") },
    },
    {
      name: "nothing-imports-the-bin",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/index\\.ts$" },
      to: { path: "^src/index\\.ts$" },
    },
    {
      name: "sandbox-shares-only-the-contract",
      severity: "error",
      // launch.ts is the server's side of --sandbox: the sandbox's CLI face behind membrane/cli's in-process runner.
      from: { path: "^src/sandbox/", pathNot: "^src/sandbox/launch\\.ts$" },
      to: { path: "^src/", pathNot: ["^src/sandbox/", "^src/membrane/contract/"] },
    },
    {
      name: "server-not-below-sandbox",
      comment: "the server reaches the sandbox's code only through launch.ts (--sandbox, loaded lazily)",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/sandbox/", "^src/demo/"] },
      // index.ts runs the sandbox for --sandbox through launch.ts, the one door in.
      to: { path: "^src/sandbox/", pathNot: "^src/sandbox/launch\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(dist|test|bench|scripts)/" },
  },
};
