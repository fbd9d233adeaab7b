/**
 * The shape of one doctor line and how it prints: a mark, the thing checked, what was found and, for a
 * problem, what to do about it. Only failures make `doctor` exit non-zero; warnings and skips do not.
 */
type CheckStatus = "ok" | "warn" | "fail" | "skip";

export interface CheckLine {
  status: CheckStatus;
  label: string;
  detail: string;
  /** What the person should do; printed after a dash. */
  fix?: string | undefined;
}

const MARKS: Record<CheckStatus, string> = { ok: "✔", warn: "⚠", fail: "✘", skip: "–" };

export function formatLine(line: CheckLine): string {
  const text = line.fix?.replace(/\.$/, "");
  const fix = text ? ` — ${text.charAt(0).toLowerCase()}${text.slice(1)}` : "";
  return `${MARKS[line.status]} ${line.label}: ${line.detail}${fix}`;
}

export const skipped = (label: string, because: string): CheckLine => ({
  status: "skip",
  label,
  detail: `not checked (${because})`,
});

/** `doctor`: the command that runs doctor again as it was run (next-steps.ts). */
export function summary(lines: readonly CheckLine[], doctor = "customerio-mcp doctor"): string {
  const failures = lines.filter((line) => line.status === "fail").length;
  if (failures === 0) return "All checks passed.";
  return `${failures} problem${failures === 1 ? "" : "s"} found: fix the first ✘ line, then run \`${doctor}\` again.`;
}

/** The first line of an error message, without the trailing period (for "label: detail — fix"). */
export const firstLine = (text: string) => (text.split("\n")[0] ?? "").replace(/\.$/, "");
