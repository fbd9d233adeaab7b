/**
 * The one decision on what a raw HTTP request to the Customer.io API does, for every route that can send one:
 * proxy_request, Membrane's generic request actions (by their direct tool or run_action, by id or key), and
 * request actions whose record fixes the method and path. It decides both questions the server asks: does it
 * only read (read-only mode runs nothing else), and is it high blast (the person is asked first).
 *
 * The path is read the way the API will read it: percent-decoded (`/v1/s%65nd` is `/v1/send`), folded to
 * lower case and NFKC, `;` parameters dropped, and "." / ".." segments resolved (the guard refuses them in
 * agent input, but a record's fixed path is not agent input).
 */

/** Paths of the Customer.io APIs whose writes send messages or remove data or people. */
const HIGH_BLAST_PATH = /send|trigger|broadcast|suppress|unsubscribe|delete|destroy|erase/;

export interface RequestEffects {
  /** The method, upper case. */
  method: string;
  /** Only reads: a GET. Read-only mode runs nothing else. */
  reads: boolean;
  /** Sends real messages or deletes data: any DELETE, or a write whose path names sending, deleting... */
  highBlast: boolean;
  /** The path as the decision read it (decoded, folded, dot segments resolved). */
  canonicalPath: string;
}

function decodeSegment(segment: string): string {
  let text = segment;
  // Decoded until stable, a few rounds at most: a second decoder along the way must not find a word either.
  for (let round = 0; round < 3 && /%[0-9a-f]{2}/i.test(text); round++) {
    try {
      text = decodeURIComponent(text);
    } catch {
      text = text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    }
  }
  return text.normalize("NFKC").toLowerCase().split(";")[0]!.trim();
}

/** The path as the API reads it: see the header. A full URL keeps its origin and has its path resolved. */
export function canonicalRequestPath(path: string): string {
  const resolved: string[] = [];
  for (const raw of path.replace(/\\/g, "/").split("/")) {
    const segment = decodeSegment(raw);
    if (segment === "" || segment === ".") continue;
    if (/^\.\.+$/.test(segment)) resolved.pop();
    else resolved.push(segment);
  }
  return `/${resolved.join("/")}`;
}

/** What a request with this method and path does. `method` is compared in upper case. */
export function requestEffects(method: string, path: string): RequestEffects {
  const verb = method.trim().toUpperCase();
  const canonicalPath = canonicalRequestPath(path);
  const reads = verb === "GET";
  const highBlast = !reads && (verb === "DELETE" || HIGH_BLAST_PATH.test(canonicalPath));
  return { method: verb, reads, highBlast, canonicalPath };
}
