/**
 * The processes a CLI run started, found through /proc on Linux. Killing the process group reaches every
 * helper that stayed in it; this finds the ones that left it (a `detached` spawn, `setsid`) while their
 * parent is still alive, so that they are killed too instead of holding the CLI's stdout open forever.
 * Elsewhere (no /proc) it finds nothing and the process group has to do.
 */
import { readdirSync, readFileSync } from "node:fs";

/** The parent pid of every process, from /proc/<pid>/stat ("pid (comm) state ppid ..."). */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return parents;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may contain spaces and parentheses: the fields start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      if (Number.isInteger(ppid)) parents.set(Number(entry), ppid);
    } catch {
      // Gone meanwhile.
    }
  }
  return parents;
}

/** Every live descendant of `root` (children, their children, ...), not `root` itself. */
export function descendantsOf(root: number): number[] {
  if (process.platform !== "linux") return [];
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentsByPid()) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const found: number[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of children.get(pid) ?? []) {
      if (found.includes(child) || child === root) continue;
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}
