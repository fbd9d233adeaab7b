/**
 * Projects, one per kind of test: `unit` mirrors src/ (one module, in process; real processes only where the
 * module spawns them), `integration` drives the whole server in memory through the SDK Client with the CLI
 * in process (no child process but in the few tests of hangs and cancellation), `e2e` runs the built dist over
 * stdio and HTTP. `docs` checks the documents against the code. The global setup builds dist (and the fault
 * bin into test/.build) once before any of them, so no test runs an old build. Run one kind with
 * `npx vitest run --project unit`. Unit and integration files share their worker's module cache (`isolate:
 * false`): none of them sets globals, the environment or mocks, and importing the server afresh for each
 * file cost more than their tests (import 23.6 s -> 6.5 s summed). A file that must change global state
 * belongs in e2e, which stays isolated. Shared modules also mean code they reach must not `import()` a
 * project module on first use: a module loaded by one file's runner cannot load more once that file ended
 * ("after the environment was torn down"); src/ keeps lazy imports to the bin (index.ts) for that reason.
 */
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const kind = (name: string, include: string[], isolate = true) => ({
  extends: true,
  test: { name, include, isolate },
});

export default defineConfig({
  test: {
    globalSetup: ["test/helpers/global-setup.ts"],
    setupFiles: ["test/helpers/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Most tests wait on child processes, not the CPU: one worker a core (vitest's default is one fewer,
    // which on a 2-core machine ran every file one after another).
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      kind(
        "unit",
        ["test/unit/**/*.test.ts", "test/helpers/**/*.test.ts", "test/fixtures/**/*.test.ts"],
        false,
      ),
      kind("integration", ["test/integration/**/*.test.ts"], false),
      kind("e2e", ["test/e2e/**/*.test.ts"]),
      kind("docs", ["test/docs/**/*.test.ts"]),
    ],
  },
});
