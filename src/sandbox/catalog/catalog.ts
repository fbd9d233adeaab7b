/**
 * The sandbox's action catalog: the hand-written Customer.io actions, then any generated extras asked
 * for with `CUSTOMERIO_SANDBOX_EXTRA_ACTIONS`. Lookup accepts an action's id or its key.
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

function extraActionCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env["CUSTOMERIO_SANDBOX_EXTRA_ACTIONS"];
  const n = raw === undefined || raw.trim() === "" ? 0 : Number(raw);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10_000) : 0;
}

export function buildCatalog(env: NodeJS.ProcessEnv = process.env): ActionSpec[] {
  return [...CORE_ACTIONS, ...extraActions(extraActionCount(env))];
}

export function findAction(catalog: ActionSpec[], idOrKey: string): ActionSpec | undefined {
  if (idOrKey === "") return undefined;
  return catalog.find((spec) => spec.key === idOrKey) ?? catalog.find((spec) => actionId(spec) === idOrKey);
}
