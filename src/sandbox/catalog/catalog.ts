/**
 * The sandbox's action catalog: the hand-written Customer.io actions, then any generated extras asked
 * for (the sandbox's `extraActions` option). Lookup accepts an action's id or its key.
 */

import { actionId } from "./action-record.js";
import { campaignActions } from "./campaign-actions.js";
import { dataActions } from "./data-actions.js";
import { extraActions } from "./extra-actions.js";
import { messagingActions } from "./messaging-actions.js";
import { peopleActions } from "./people-actions.js";
import { personStateActions } from "./person-state-actions.js";
import { segmentActions } from "./segment-actions.js";
import type { ActionSpec } from "./types.js";
import { workspaceActions } from "./workspace-actions.js";

const CORE_ACTIONS: ActionSpec[] = [
  ...peopleActions,
  ...personStateActions,
  ...segmentActions,
  ...campaignActions,
  ...messagingActions,
  ...dataActions,
  ...workspaceActions,
];

/** The catalog with `extra` generated actions after the hand-written ones (at most 10,000). */
export function buildCatalog(extra = 0): ActionSpec[] {
  const count = Number.isInteger(extra) && extra > 0 ? Math.min(extra, 10_000) : 0;
  return [...CORE_ACTIONS, ...extraActions(count)];
}

export function findAction(catalog: ActionSpec[], idOrKey: string): ActionSpec | undefined {
  if (idOrKey === "") return undefined;
  return catalog.find((spec) => spec.key === idOrKey) ?? catalog.find((spec) => actionId(spec) === idOrKey);
}
