// Builds dist/: the server, the sandbox bin and the demo, each bundled with what it imports (esbuild), so a
// start loads a few files instead of ~260 modules one by one (bench row 1: Node's module loader, not our
// code, was most of start-up). Code loaded on demand stays on demand: `import()` becomes a chunk of its own
// (dist/chunks/), so a stdio session still loads nothing of HTTP, the sandbox or doctor. The type check is
// separate (`npm run typecheck`); esbuild only strips types. Each build is whole and new (about a second),
// written beside dist/ and then put in its place, so nothing stale ships and nothing half written is run.
//
//   node scripts/build.mjs [--equipment]
//
// Writes dist/.esbuild-meta.json (which source went into which output, read by the start-up tests and the
// .mcpb script; not packed) and dist/THIRD-PARTY-LICENSES.txt (the licence of every package bundled in,
// which their licences ask to ship, read from the packages themselves). --equipment also builds what the
// tests and the bench run but users never get, into test/.build/<path of the source>.js: the fault bin, the contract's argv parser for the scripted fake CLI,
// and the modules the bench times on their own (schema conversion, the tool-list budget).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
/** The package's bins (package.json `bin`), relative to the repo: they get an executable mode. */
const BINS = Object.values(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).bin).map((bin) =>
  join(bin),
);

/** What a bundled CommonJS package (ajv) needs in an ES module: a `require` for Node's own modules. */
const REQUIRE_SHIM =
  'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);';

/** src/version.ts imports package.json for the version: the bundle carries that, not the whole manifest. */
const versionOnly = {
  name: "package-version-only",
  setup(builder) {
    const manifest = join(root, "package.json");
    builder.onLoad({ filter: /[\\/]package\.json$/ }, ({ path }) => {
      if (path !== manifest) return undefined;
      const { name, version } = JSON.parse(readFileSync(manifest, "utf8"));
      return { contents: JSON.stringify({ name, version }), loader: "json" };
    });
  },
};

const shared = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  banner: { js: REQUIRE_SHIM },
  legalComments: "none",
  logLevel: "warning",
  absWorkingDir: root,
  plugins: [versionOnly],
};

/** The package a bundled input came from: its folder under the last node_modules/ (nested installs too). */
function packageOf(input) {
  const at = input.lastIndexOf("node_modules/");
  if (at === -1) return undefined;
  const [scopeOrName, name] = input.slice(at + "node_modules/".length).split("/");
  return (
    input.slice(0, at) +
    `node_modules/${scopeOrName.startsWith("@") ? `${scopeOrName}/${name}` : scopeOrName}`
  );
}

function licenceText(dir) {
  const file = readdirSync(dir).find((name) => /^licen[cs]e(\.|$)/i.test(name));
  return file ? readFileSync(join(dir, file), "utf8").trim() : undefined;
}

/** One section per bundled package: name, version, licence, and its licence file as shipped. */
function thirdPartyLicences(metafile) {
  const dirs = new Set(Object.keys(metafile.inputs).map(packageOf).filter(Boolean));
  const sections = [...dirs].sort().map((dir) => {
    const pkg = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
    const text =
      licenceText(join(root, dir)) ?? `(no licence file in the package; it declares ${pkg.license})`;
    return `${pkg.name} ${pkg.version} (${pkg.license})\n\n${text}\n`;
  });
  return `customerio-mcp bundles these packages into dist/.\n\n${sections.join(`\n${"-".repeat(78)}\n\n`)}`;
}

/**
 * Writes a build's files into a fresh folder beside `outdir`, then puts it in `outdir`'s place: nothing
 * renamed or removed in the sources survives in the output (or ships from it), and a server or test running
 * from `outdir` meanwhile never finds it half written (only a moment between two renames without it).
 */
function replaceFolder(outdir, files) {
  const next = `${outdir}.next`;
  const old = `${outdir}.old`;
  rmSync(next, { recursive: true, force: true });
  for (const { path, contents, mode } of files) {
    const target = join(next, relative(outdir, path));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents, { mode });
  }
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outdir)) renameSync(outdir, old);
  renameSync(next, outdir);
  rmSync(old, { recursive: true, force: true });
}

async function buildDist() {
  const { metafile, outputFiles } = await build({
    ...shared,
    entryPoints: {
      index: "src/index.ts",
      "sandbox/bin": "src/sandbox/bin.ts",
      "demo/run": "src/demo/run.ts",
    },
    outdir: dist,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
    write: false,
  });
  replaceFolder(dist, [
    // esbuild keeps the entries' shebang; the bins also need an executable mode.
    ...outputFiles.map(({ path, contents }) => ({
      path,
      contents,
      mode: BINS.includes(relative(root, path)) ? 0o755 : 0o644,
    })),
    { path: join(dist, ".esbuild-meta.json"), contents: JSON.stringify(metafile) },
    { path: join(dist, "THIRD-PARTY-LICENSES.txt"), contents: thirdPartyLicences(metafile) },
  ]);
}

/** Equipment for the tests and the bench, never in dist/ (node_modules stay outside: they are installed). */
async function buildEquipment() {
  const out = join(root, "test", ".build");
  const { outputFiles } = await build({
    ...shared,
    entryPoints: [
      "test/fixtures/faulty-sandbox/bin.ts",
      "src/membrane/contract/parse.ts",
      "src/schema/normalize.ts",
      "src/schema/validate.ts",
      "src/catalog/selection.ts",
    ],
    outdir: out,
    outbase: ".",
    packages: "external",
    write: false,
  });
  replaceFolder(out, outputFiles);
}

const { values } = parseArgs({ options: { equipment: { type: "boolean" } } });
await Promise.all([buildDist(), values.equipment ? buildEquipment() : undefined]);
