// Builds dist/: the server, the sandbox bin and the demo, each bundled with what it imports (esbuild), so a
// start loads a few files instead of ~260 modules one by one (bench row 1: Node's module loader, not our
// code, was most of start-up). Code loaded on demand stays on demand: `import()` becomes a chunk of its own
// (dist/chunks/), so a stdio session still loads nothing of HTTP, the sandbox or doctor. The type check is
// separate (`npm run typecheck`); esbuild only strips types.
//
//   node scripts/build.mjs [--equipment]
//
// Writes dist/.esbuild-meta.json (which source went into which output, read by the start-up tests; not
// packed) and dist/THIRD-PARTY-LICENSES.txt (the licence of every package bundled in, which their licences
// ask to ship). --equipment also builds what the tests and the bench run but users never get, into
// test/.build/<path of the source>.js: the fault bin, the contract's argv parser for the scripted fake CLI,
// and the modules the bench times on their own (schema conversion, the tool-list budget).
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const BINS = ["dist/index.js", "dist/sandbox/bin.js"];

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

/** The package a bundled input came from, by its path under node_modules (the last one, for nested installs). */
function packageOf(input) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(input);
  return match ? input.slice(0, match.index + match[0].length - 1) : undefined;
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

async function buildDist() {
  // Built afresh each time: nothing renamed or removed in src/ can survive in dist/ (or ship from it).
  rmSync(dist, { recursive: true, force: true });
  const { metafile } = await build({
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
  });
  writeFileSync(join(dist, ".esbuild-meta.json"), JSON.stringify(metafile));
  writeFileSync(join(dist, "THIRD-PARTY-LICENSES.txt"), thirdPartyLicences(metafile));
  // esbuild keeps the entries' shebang but not an executable mode.
  for (const bin of BINS) chmodSync(join(root, bin), 0o755);
}

/** Equipment for the tests and the bench, never in dist/ (node_modules stay outside: they are installed). */
async function buildEquipment() {
  const out = join(root, "test", ".build");
  if (existsSync(out)) rmSync(out, { recursive: true, force: true });
  await build({
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
  });
}

const { values } = parseArgs({ options: { equipment: { type: "boolean" } } });
await Promise.all([buildDist(), values.equipment ? buildEquipment() : undefined]);
