/**
 * The dependency rules bite: the project's own .dependency-cruiser.cjs, run on a small tree shaped like
 * src/, flags an import outside a part's allow-list, a type-only loop between two files, and guard/ reaching
 * past membrane's contract; and passes the same tree without them. (`npm test` runs the rules on src/.)
 * dependency-cruiser runs in this process, through its own API, on the project's rule set.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { cruise, type IForbiddenRuleType } from "dependency-cruiser";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, tempDir } from "../../helpers/harness.js";

const RULES = createRequire(import.meta.url)(join(REPO_ROOT, ".dependency-cruiser.cjs")) as {
  forbidden: IForbiddenRuleType[];
};

function tree(files: Record<string, string>): string {
  const root = tempDir("cio-layering-");
  const all = {
    "tsconfig.json": JSON.stringify({ compilerOptions: { module: "nodenext", strict: true } }),
    "src/errors.ts": "export class E extends Error {}\n",
    "src/membrane/contract/raw-request.ts": "export type R = { path: string };\n",
    "src/membrane/cli.ts": 'import { E } from "../errors.js";\nexport const run = () => new E();\n',
    "src/tools/tool.ts":
      'import type { R } from "../membrane/contract/raw-request.js";\nexport const t = (r: R) => r;\n',
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

/** The rule names dependency-cruiser reports on the tree (empty when it passes). */
async function violations(root: string): Promise<string[]> {
  const result = await cruise(["src"], {
    baseDir: root,
    validate: true,
    ruleSet: { forbidden: RULES.forbidden },
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
  });
  if (typeof result.output === "string") throw new Error("dependency-cruiser gave text, not a report");
  return result.output.summary.violations.map((violation) => violation.rule.name);
}

describe("dependency rules", () => {
  it("pass a tree that keeps the layers", async () => {
    expect(await violations(tree({}))).toEqual([]);
  });

  it("flag a climbing import, a type-only file loop and guard/ reaching past membrane's contract", async () => {
    const root = tree({
      // membrane/ importing tools/: climbs a layer.
      "src/membrane/climb.ts": 'import { t } from "../tools/tool.js";\nexport const c = t;\n',
      // Two files that name each other's types only.
      "src/tools/a.ts": 'import type { B } from "./b.js";\nexport type A = { b?: B };\n',
      "src/tools/b.ts": 'import type { A } from "./a.js";\nexport type B = { a?: A };\n',
      // guard/ running membrane's CLI code rather than reading its contract.
      "src/guard/g.ts": 'import { run } from "../membrane/cli.js";\nexport const g = run;\n',
    });
    expect(new Set(await violations(root))).toEqual(
      new Set(["allowed-imports-of-membrane", "no-circular", "guard-sees-only-the-contract"]),
    );
  });
});
