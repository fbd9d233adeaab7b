/**
 * Printing the demo's transcript: a heading per step, the call as an agent makes it, and a short, readable
 * view of the result (a summary line, or the JSON cut to a few lines).
 */
export interface CallResult {
  isError?: boolean;
  content?: Array<{ type: string; text?: string }>;
}

const MAX_LINES = 14;

export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function printHeading(text: string): void {
  printLine(`\n== ${text}`);
}

function preview(text: string): string {
  const lines = text.split("\n");
  if (lines.length <= MAX_LINES) return text;
  return [...lines.slice(0, MAX_LINES), `   … (${lines.length - MAX_LINES} more lines)`].join("\n");
}

/** Results are compact JSON for the agent; a person reads them indented. */
function readable(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export async function printCall(
  step: string,
  tool: string,
  args: Record<string, unknown>,
  result: CallResult,
  summarize?: (data: unknown) => string,
): Promise<void> {
  printHeading(step);
  printLine(`> ${tool} ${JSON.stringify(args)}`);
  const texts = (result.content ?? []).map((block) => block.text ?? "");
  if (result.isError) {
    printLine(`< error: ${texts.join("\n")}`);
    return;
  }
  const [first = "", ...rest] = texts;
  if (summarize) {
    try {
      printLine(`< ${summarize(JSON.parse(first))}`);
    } catch {
      printLine(`< ${preview(first)}`);
    }
  } else {
    printLine(preview(readable(first)).replace(/^/gm, "< "));
  }
  for (const extra of rest) printLine(`  (${extra.replace(/\n/g, "; ")})`);
}
