/**
 * Projects, one per kind of test: `unit` mirrors src/ (one module, in process; no child process but
 * locate's one run of the script it found), `integration` drives the whole server in memory through the
 * SDK Client with the CLI in process (no child process), `e2e` holds every test that starts one: the real
 * runner, the fault and sandbox bins, the built dist over stdio and HTTP. `docs` checks the documents
 * against the code (and runs `mcpb validate` on the manifest). The global setup builds dist (and the test equipment into test/.build) once before any
 * of them, so no test runs an old build. Run one kind with
 * `npx vitest run --project unit`.
 * No file is isolated: the files of a worker share its module cache (`isolate: false`). No test file sets
 * globals, the environment or mocks (a test reads them; a child gets its own env), and a fresh module graph
 * and worker per file cost more than many files' tests: isolated unit and integration imported for 23.6 s
 * (6.5 s shared), and isolated e2e took 46.5 s wall and 84 s of CPU against 33 s and 60 s shared. A file
 * that must change global state needs a project of its own with `isolate: true`.
 * Shared modules also mean code they reach must not `import()` a project module on first use: a module
 * loaded by one file's runner cannot load more once that file ended ("after the environment was torn
 * down"); src/ keeps lazy imports to the bin (index.ts) for that reason.
 */
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const kind = (name: string, include: string[]) => ({
  extends: true,
  test: { name, include, isolate: false },
});

export default defineConfig({
  test: {
    globalSetup: ["test/helpers/global-setup.ts"],
    setupFiles: ["test/helpers/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Many e2e tests wait on child processes or deadlines, not the CPU: one worker more than the cores
    // (vitest's default is one fewer, which on a 2-core machine ran every file one after another). On 2
    // cores, 3 workers beat 2 in each of three paired runs (53.1 s / 56.1 s, 47.5 / 54.6, 42.5 / 47.3).
    maxWorkers: availableParallelism() + 1,
    projects: [
      kind("unit", ["test/unit/**/*.test.ts", "test/helpers/**/*.test.ts", "test/fixtures/**/*.test.ts"]),
      kind("integration", ["test/integration/**/*.test.ts"]),
      kind("e2e", ["test/e2e/**/*.test.ts"]),
      kind("docs", ["test/docs/**/*.test.ts"]),
    ],
  },
});
