/**
 * Where the REST backend's Membrane token comes from, kept in memory only. By default the Membrane CLI the
 * server already knows mints one (`membrane token`, the only process this backend starts); the token never
 * goes into argv or a child's environment, and ~/.membrane is never read. A person may give one instead
 * (MEMBRANE_TOKEN): used as given, never refreshed. A minted token is refreshed a minute before it expires
 * (one refresh at a time) and once after Membrane refuses it. A workspace-admin token is refused.
 */
import { CliError } from "../../errors.js";
import type { CallOptions } from "../backend.js";
import { type Clock, systemClock } from "../clock.js";
import { readClaims, tokenFromOutput } from "./jwt.js";

/** A minted token is replaced this long before its `exp`. */
const REFRESH_BEFORE_MS = 60_000;

export interface TokenFacts {
  /** Where the token came from, in words. */
  tokenSource: string;
  /** ISO time the current token expires, or null (not fetched yet, or no `exp`). */
  tokenExpiresAt: string | null;
}

export interface TokenSource {
  /** The current token, minting or refreshing it when needed. */
  get(options?: CallOptions): Promise<string>;
  /** Membrane refused `token`: replace it if that can be done; false when it cannot (then do not retry). */
  renew(token: string, options?: CallOptions): Promise<boolean>;
  facts(): TokenFacts;
  /** What to tell a person whose token Membrane refused. */
  readonly refusedHint: string;
}

/** Runs a CLI command and returns its stdout (MembraneCli.run). */
export type RunCli = (args: readonly string[], options?: CallOptions) => Promise<string>;

const ADMIN_REFUSED =
  "The Membrane token is a workspace-admin token (isAdmin: true): too much power for an agent, so it is refused.";

function checkToken(token: string, where: string): { token: string; exp?: number | undefined } {
  const claims = readClaims(token);
  if (!claims) {
    throw new CliError(
      "bad-output",
      `${where} is not a JWT (nor JSON holding one as token or accessToken).`,
      {
        hint: "Check that the Membrane CLI is logged in (`membrane login --tenant`) and up to date, or give a tenant token in MEMBRANE_TOKEN.",
      },
    );
  }
  if (claims.isAdmin) {
    throw new CliError("not-logged-in", ADMIN_REFUSED, {
      hint: "Use a tenant token: log the CLI in with `membrane login --tenant`, or put a tenant (not admin) token in MEMBRANE_TOKEN.",
    });
  }
  return { token, exp: claims.exp };
}

const expiresAt = (exp: number | undefined) =>
  exp === undefined ? null : new Date(exp * 1000).toISOString();

/** MEMBRANE_TOKEN: a person's explicit choice, used as given. */
export class GivenToken implements TokenSource {
  private readonly checked: { token: string; exp?: number | undefined } | Error;
  readonly refusedHint =
    "Membrane refused the token in MEMBRANE_TOKEN: replace it with a valid tenant token, or unset it so the server mints one with `membrane token`.";

  constructor(
    token: string,
    private readonly label = "MEMBRANE_TOKEN (given by a person; not refreshed)",
  ) {
    try {
      this.checked = checkToken(token.trim(), "MEMBRANE_TOKEN");
    } catch (error) {
      this.checked = error as Error;
    }
  }

  async get(): Promise<string> {
    if (this.checked instanceof Error) throw this.checked;
    return this.checked.token;
  }

  async renew(): Promise<boolean> {
    return false;
  }

  facts(): TokenFacts {
    return {
      tokenSource: this.label,
      tokenExpiresAt: this.checked instanceof Error ? null : expiresAt(this.checked.exp),
    };
  }
}

/** A token minted by `membrane token` through the Membrane CLI, refreshed before it expires. */
export class MintedToken implements TokenSource {
  private current: { token: string; exp?: number | undefined } | undefined;
  private minting: Promise<string> | undefined;
  readonly refusedHint =
    "Membrane refused the token the CLI minted: run `membrane login --tenant` in a terminal, then try again.";

  constructor(
    private readonly runCli: RunCli,
    private readonly label: string,
    private readonly clock: Clock = systemClock,
  ) {}

  async get(options?: CallOptions): Promise<string> {
    const current = this.current;
    if (current && (current.exp === undefined || current.exp * 1000 - REFRESH_BEFORE_MS > this.clock.now()))
      return current.token;
    return this.mint(options);
  }

  async renew(token: string, options?: CallOptions): Promise<boolean> {
    // Another call may have renewed it already: then its token is the new one.
    if (this.current?.token === token) this.current = undefined;
    await this.get(options);
    return true;
  }

  facts(): TokenFacts {
    return { tokenSource: this.label, tokenExpiresAt: expiresAt(this.current?.exp) };
  }

  /** One mint at a time: every caller waiting meanwhile gets the same token. */
  private mint(_options?: CallOptions): Promise<string> {
    if (!this.minting) {
      // Not the caller's signal: a mint shared by several calls must not end because one of them was cancelled.
      const minting = this.runCli(["token"]).then((output) => {
        const token = tokenFromOutput(output);
        const checked = checkToken(token ?? "", "What `membrane token` printed");
        this.current = checked;
        return checked.token;
      });
      this.minting = minting;
      const clear = () => {
        if (this.minting === minting) this.minting = undefined;
      };
      minting.then(clear, clear);
    }
    return this.minting;
  }
}
