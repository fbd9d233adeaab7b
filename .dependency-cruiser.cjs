/**
 * The layering of DESIGN.md ("The shape of the code"), checked on every `npm test`. Each part of src/ (a
 * folder, or a top-level file) has an allow-list of the parts it may import (ALLOWED below, as Playwright
 * keeps a DEPS.list beside each folder); the allow-lists must form no loop (checked when this file loads),
 * so no two parts can import each other, type-only imports included. Within a part, no file loop either.
 * Besides: only the real runner (membrane/cli/process-runner.ts) spawns processes, and guard/ and the
 * sandbox see only membrane's contract (but launch.ts, the in-process runner over the sandbox's CLI face).
 */

/** What each part of src/ may import, besides itself and node_modules. */
const ALLOWED = {
  "is-record": [],
  errors: [],
  version: [],
  instructions: [],
  "nearest-names": [],
  redact: [],
  log: ["redact"],
  schema: ["is-record"],
  options: ["schema"],
  "help-text": ["options"],
  flags: ["errors", "nearest-names", "options"],
  config: ["errors", "flags", "help-text", "options", "schema"],
  membrane: ["errors", "is-record", "log", "redact"],
  sandbox: ["membrane"], // the contract only: see sandbox-sees-only-the-contract
  guard: ["errors", "is-record", "membrane"], // the contract only: see guard-sees-only-the-contract
  output: ["errors", "is-record", "redact", "membrane"],
  catalog: ["config", "errors", "guard", "is-record", "log", "membrane", "nearest-names", "schema"],
  tools: [
    "catalog",
    "config",
    "errors",
    "guard",
    "is-record",
    "log",
    "membrane",
    "output",
    "redact",
    "schema",
  ],
  protocol: ["errors", "is-record", "log", "tools"],
  services: ["catalog", "config", "errors", "log", "membrane", "sandbox", "tools"],
  server: [
    "config",
    "errors",
    "instructions",
    "log",
    "membrane",
    "output",
    "protocol",
    "redact", // an unknown tool name is echoed scrubbed
    "services",
    "tools",
    "version",
  ],
  serve: ["config", "errors", "log", "membrane", "options", "protocol", "server", "version"],
  doctor: [
    "catalog",
    "config",
    "errors",
    "log",
    "membrane",
    "output",
    "redact",
    "services",
    "tools",
    "version",
  ],
  demo: [],
  index: [
    "config",
    "doctor",
    "errors",
    "log",
    "membrane",
    "options",
    "sandbox",
    "serve",
    "server",
    "version",
  ],
};

/** Throws when the allow-lists form a loop: the parts must be layered. */
function assertLayered(allowed) {
  const state = new Map();
  const visit = (part, trail) => {
    if (state.get(part) === "done") return;
    if (state.get(part) === "visiting")
      throw new Error(`dependency allow-lists loop: ${[...trail, part].join(" -> ")}`);
    if (!(part in allowed)) throw new Error(`dependency allow-lists: unknown part "${part}"`);
    state.set(part, "visiting");
    for (const next of allowed[part]) visit(next, [...trail, part]);
    state.set(part, "done");
  };
  for (const part of Object.keys(allowed)) visit(part, []);
}
assertLayered(ALLOWED);

const part = (name) => `^src/${name}(/|\\.ts$)`;
const anyOf = (names) => `^src/(${names.join("|")})(/|\\.ts$)`;
const parts = Object.keys(ALLOWED);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...parts.map((name) => ({
      name: `allowed-imports-of-${name}`,
      comment: `${name} may import: ${ALLOWED[name].join(", ") || "nothing of src"}`,
      severity: "error",
      from: { path: part(name) },
      to: { path: "^src/", pathNot: anyOf([name, ...ALLOWED[name]]) },
    })),
    {
      name: "no-circular",
      comment: "no file loop, type-only imports included",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "only-the-runner-spawns",
      comment: "execa only in membrane/cli/process-runner.ts; the sandbox's own bin is a separate program",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/membrane/cli/process-runner\\.ts$"] },
      // Type-only imports (cli-failure.ts reads execa's Result type, process-tree.ts its ResultPromise) spawn nothing.
      to: { path: "node_modules/execa/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "guard-sees-only-the-contract",
      comment: "guard/ reads action types and the raw request's shape, nothing of how Membrane is reached",
      severity: "error",
      from: { path: "^src/(guard|output)/" },
      to: { path: "^src/membrane/(?!contract/)" },
    },
    {
      name: "sandbox-sees-only-the-contract",
      comment:
        "the sandbox honours the same contract as the real Membrane, and shares nothing else with the server",
      severity: "error",
      // launch.ts is the server's side of --sandbox: the sandbox's CLI face behind membrane/cli's in-process runner.
      from: { path: "^src/sandbox/", pathNot: "^src/sandbox/launch\\.ts$" },
      to: { path: "^src/membrane/(?!contract/)" },
    },
    {
      name: "nothing-imports-the-bin",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/index\\.ts$" },
      to: { path: "^src/index\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(dist|test|bench|scripts)/" },
  },
};
