// Removes from dist/ every compiled file whose source in src/ is gone (tsc never deletes its old outputs),
// so a renamed or moved module (the fault equipment, once in src/sandbox/faults) cannot ship from a stale
// build in the npm package or the .mcpb bundle. Run by `npm run build` and the test global setup.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

function prune(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      prune(path);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
    } else if (entry.name.endsWith(".js")) {
      const source = join(root, "src", relative(dist, path)).replace(/\.js$/, ".ts");
      if (!existsSync(source)) rmSync(path);
    }
  }
}

if (existsSync(dist)) prune(dist);
