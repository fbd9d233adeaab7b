// Makes the built bins executable: tsc keeps the shebang but not the file mode.
import { chmodSync, existsSync } from "node:fs";

for (const bin of ["dist/index.js", "dist/sandbox/bin.js"]) {
  if (existsSync(bin)) chmodSync(bin, 0o755);
}
