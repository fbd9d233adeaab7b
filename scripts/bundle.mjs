// Builds the MCP Bundle (.mcpb) for Claude Desktop: compiles, stages only what runs (dist/ without the
// demo, package.json, manifest.json, icon.png and the production node_modules, installed from the lock file into a
// temporary folder so the repo's own node_modules is never touched), then packs it with `mcpb pack`.
//
//   node scripts/bundle.mjs [--no-build] [--out <file.mcpb>] [--modules-from <project>]
//
// The default output is customerio-mcp-<version>.mcpb in the repo (gitignored). --modules-from takes the
// production node_modules from a project that installed this package's packed tarball from the same lock
// (the tests make one per run and share it), leaving out the package itself, instead of running npm ci.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: { "no-build": { type: "boolean" }, out: { type: "string" }, "modules-from": { type: "string" } },
});
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const out = resolve(values.out ?? join(root, `${pkg.name}-${pkg.version}.mcpb`));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

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

/** Files no running code loads: TypeScript sources and declarations, docs (licenses stay), source maps. */
const NOT_RUN = /\.(?:[cm]?ts|md|markdown|map|tsbuildinfo)$/i;

function pruneNotRun(dir) {
  let removed = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removed += pruneNotRun(path);
    else if (NOT_RUN.test(entry.name) && !/^licen[cs]e/i.test(entry.name)) {
      rmSync(path);
      removed++;
    }
  }
  return removed;
}

/** The node_modules of a project that installed this package, without the package and its bin links. */
function copyInstalledModules(project, stage) {
  const from = join(project, "node_modules");
  const own = join(from, pkg.name);
  const inOwn = (path) => !relative(own, path).startsWith("..");
  cpSync(from, join(stage, "node_modules"), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) =>
      !inOwn(source) &&
      !(lstatSync(source).isSymbolicLink() && inOwn(resolve(dirname(source), readlinkSync(source)))),
  });
}

const manifest = JSON.parse(readFileSync(join(root, "manifest.json"), "utf8"));
if (manifest.version !== pkg.version) {
  throw new Error(`manifest.json version ${manifest.version} differs from package.json ${pkg.version}`);
}
if (!values["no-build"]) run(npm, ["run", "build", "--silent"], root);

const stage = mkdtempSync(join(tmpdir(), "customerio-mcp-bundle-"));
try {
  cpSync(join(root, "dist"), join(stage, "dist"), {
    recursive: true,
    filter: (source) => !source.startsWith(join(root, "dist", "demo")),
  });
  for (const file of ["package.json", "package-lock.json", "manifest.json", "icon.png"])
    cpSync(join(root, file), join(stage, file));
  if (values["modules-from"]) copyInstalledModules(resolve(values["modules-from"]), stage);
  else
    run(npm, ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"], stage);
  // What the bundle's package.json needs at run time: the version (read by dist/version.js) and ESM.
  const { name, version, description, license, type, engines, dependencies } = pkg;
  writeFileSync(
    join(stage, "package.json"),
    `${JSON.stringify({ name, version, description, license, type, engines, dependencies }, null, 2)}\n`,
  );
  rmSync(join(stage, "package-lock.json"));
  rmSync(join(stage, "node_modules", ".package-lock.json"), { force: true });
  pruneNotRun(join(stage, "node_modules"));
  run(process.execPath, [mcpbCli(), "pack", stage, out], root);
  const size = statSync(out).size;
  process.stdout.write(`Bundle: ${out} (${(size / 1024 / 1024).toFixed(2)} MB)\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
