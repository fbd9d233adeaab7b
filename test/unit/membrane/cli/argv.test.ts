/** The argument-size check on each platform: sizes counted as the OS counts them, messages without values. */
import { describe, expect, it } from "vitest";
import { CliError } from "../../../../src/errors.js";
import { checkArgvSize, MAX_ARGUMENT_BYTES } from "../../../../src/membrane/cli/argv.js";

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  return undefined;
};

describe("checkArgvSize", () => {
  it("lets a usual command line through", () => {
    expect(refusal(() => checkArgvSize(["node", "cli.js", "--input={}"], { PATH: "/bin" }, "linux"))).toBe(
      undefined,
    );
  });

  it("counts multi-byte characters in bytes", () => {
    const arg = `--input=${"é".repeat(MAX_ARGUMENT_BYTES / 2)}`;
    expect(refusal(() => checkArgvSize([arg], {}, "linux"))?.kind).toBe("too-large");
  });

  it("counts the environment with the arguments", () => {
    const env = { BIG: "e".repeat(100_000) };
    const args = Array.from({ length: 8 }, (_, i) => `--query=k${i}=${"v".repeat(100_000)}`);
    expect(refusal(() => checkArgvSize(args, {}, "linux"))).toBeUndefined();
    const error = refusal(() => checkArgvSize(args, env, "linux"));
    expect(error?.message).toMatch(
      /^The request is too large to pass to the Membrane CLI \(\d+ KB of arguments/,
    );
    expect(error?.message).not.toContain("vvvv");
  });

  it("holds a Windows command line to 32,767 characters", () => {
    const args = ["--input", "x".repeat(40_000)];
    expect(refusal(() => checkArgvSize(args, {}, "linux"))).toBeUndefined();
    expect(refusal(() => checkArgvSize(args, {}, "win32"))?.message).toContain("32,767 characters");
  });
});
