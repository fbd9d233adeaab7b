// Builds the MCP Bundle (.mcpb) for Claude Desktop: builds dist/, stages only what runs, then packs it with
// `mcpb pack`. dist/ is self-contained (scripts/build.mjs bundles every package the server runs on), so the
// bundle has no node_modules: the two bins and the chunks they load (read from the build's metafile, so the
// demo and what only it loads stay out), the third-party licences, package.json, manifest.json, icon.png.
//
//   node scripts/bundle.mjs [--no-build] [--out <file.mcpb>]
//
// The default output is customerio-mcp-<version>.mcpb in the repo (gitignored).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { "no-build": { type: "boolean" }, out: { type: "string" } } });
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const out = resolve(values.out ?? join(root, `${pkg.name}-${pkg.version}.mcpb`));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const BINS = Object.values(pkg.bin);

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: ["ignore", "inherit", "inherit"], shell: false });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`})`,
    );
  }
}

/** The mcpb CLI of the dev dependency, run with this Node (no npx, no network). */
function mcpbCli() {
  const dir = join(root, "node_modules", "@anthropic-ai", "mcpb");
  const { bin } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  return join(dir, typeof bin === "string" ? bin : bin.mcpb);
}

/** The files of dist/ the bins load, at start or on demand (static and dynamic imports, transitively). */
function filesTheBinsLoad() {
  const { outputs } = JSON.parse(readFileSync(join(root, "dist", ".esbuild-meta.json"), "utf8"));
  const reached = new Set();
  const visit = (file) => {
    if (reached.has(file) || !outputs[file]) return;
    reached.add(file);
    for (const { path } of outputs[file].imports) visit(path);
  };
  for (const bin of BINS) visit(bin.replace(/^\.\//, ""));
  return [...reached];
}

const manifest = JSON.parse(readFileSync(join(root, "manifest.json"), "utf8"));
if (manifest.version !== pkg.version) {
  throw new Error(`manifest.json version ${manifest.version} differs from package.json ${pkg.version}`);
}
if (!values["no-build"]) run(npm, ["run", "build", "--silent"], root);

const stage = mkdtempSync(join(tmpdir(), "customerio-mcp-bundle-"));
try {
  for (const file of [...filesTheBinsLoad(), "dist/THIRD-PARTY-LICENSES.txt", "manifest.json", "icon.png"]) {
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    cpSync(join(root, file), join(stage, file));
  }
  // What the bundle's package.json needs at run time: ESM (dist/ is ES modules), and the package's papers.
  const { name, version, description, license, type, engines } = pkg;
  writeFileSync(
    join(stage, "package.json"),
    `${JSON.stringify({ name, version, description, license, type, engines }, null, 2)}\n`,
  );
  run(process.execPath, [mcpbCli(), "pack", stage, out], root);
  const size = statSync(out).size;
  process.stdout.write(`Bundle: ${out} (${(size / 1024 / 1024).toFixed(2)} MB)\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
