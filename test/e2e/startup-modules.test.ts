/**
 * A stdio session with a real CLI loads nothing it does not use: none of the HTTP transport, the sandbox
 * or doctor (each is imported only when its flag or command asks for it), which is start-up time (bench
 * row 1). A module-resolution hook, registered through NODE_OPTIONS, writes down every file of dist/ the
 * server's process resolves; the build's metafile (dist/.esbuild-meta.json) says which sources each holds.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../fixtures/paths.js";
import { REPO_ROOT, resultText, startStdio, tempDir } from "../helpers/harness.js";

/** The files of dist/ that the server process resolved, relative to dist/. */
async function modulesLoadedBy(args: string[], session: (call: typeof startStdio) => Promise<void>) {
  const dir = tempDir();
  const loaded = join(dir, "loaded.txt");
  const hooks = join(dir, "hooks.mjs");
  const register = join(dir, "register.mjs");
  writeFileSync(
    hooks,
    `import { appendFileSync } from "node:fs";
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith("file:")) appendFileSync(file, resolved.url + "\\n");
  return resolved;
}
`,
  );
  writeFileSync(
    register,
    `import { register } from "node:module";
register(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { file: ${JSON.stringify(loaded)} } });
`,
  );
  await session((extra, env) =>
    startStdio([...args, ...extra], { ...env, NODE_OPTIONS: `--import ${register}` }),
  );
  const dist = pathToFileURL(join(REPO_ROOT, "dist")).href;
  return readFileSync(loaded, "utf8")
    .split("\n")
    .filter((url) => url.startsWith(`${dist}/`))
    .map((url) => url.slice(dist.length + 1));
}

/** The sources (relative to the repo) bundled into the given files of dist/. */
function sourcesIn(files: string[]): string[] {
  const meta = JSON.parse(readFileSync(join(REPO_ROOT, "dist", ".esbuild-meta.json"), "utf8")) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  return files.flatMap((file) => Object.keys(meta.outputs[`dist/${file}`]?.inputs ?? {}));
}

describe("start-up", () => {
  it("a stdio session with a real CLI loads nothing of HTTP, the sandbox or doctor", async () => {
    const files = await modulesLoadedBy(
      ["--membrane-cli", fixturePath("fake-membrane"), "--no-cache"],
      async (start) => {
        const server = await start([], {});
        try {
          await server.client.listTools();
          const result = await server.client.callTool({ name: "connection_status", arguments: {} });
          expect(result.isError, resultText(result)).toBeFalsy();
        } finally {
          await server.close();
        }
      },
    );
    expect(files).toContain("index.js");
    const sources = sourcesIn(files);
    expect(sources).toContain("src/serve/stdio.ts");
    expect(sources).toContain("src/membrane/cli/process-runner.ts");
    const unwanted = sources.filter((file) =>
      /^(src\/(serve\/(serve-http|http|exposure|token)\.ts|sandbox\/|doctor\/)|node_modules\/@modelcontextprotocol\/node\/)/.test(
        file,
      ),
    );
    expect(unwanted).toEqual([]);
  });
});
