/** The server's version, from package.json (inlined by the build, so a bundle needs no package.json beside it). */
import manifest from "../package.json" with { type: "json" };

export const VERSION: string = manifest.version;
