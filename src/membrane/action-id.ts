/**
 * The one check both backends make on an action id before anything is sent: no catalog id is empty or
 * starts with "-" (the CLI also gets it after `--`, so it could never be read as a flag; an id like this is
 * still no action an agent should be running).
 */
import { UserInputError } from "../errors.js";

export function refuseUnrunnableActionId(actionId: string): void {
  if (actionId.startsWith("-") || actionId === "") {
    throw new UserInputError(
      `Refused: the action id ${JSON.stringify(actionId)} is empty or starts with "-"`,
      "Run an action from the catalog: find it with search_actions and pass its id, key or tool name.",
    );
  }
}
