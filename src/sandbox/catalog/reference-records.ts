/**
 * Pick-lists (`referenceRecords`) for inputs that name a seeded record. The real catalog embeds them
 * the same way: a snapshot taken when the action was built, so records created later are not listed.
 */
import { seedBroadcasts, seedCampaigns, seedSegments, seedTransactional } from "../state/seed-messaging.js";
import { seedPeople } from "../state/seed-people.js";
import type { Json } from "../state/types.js";

type ReferenceRecords = { id: string; name: string }[];

const records = (rows: { id: number | string; name: string }[]): Json =>
  rows.map((row) => ({ id: String(row.id), name: row.name })) satisfies ReferenceRecords;

export const segmentRecords = (): Json => records(seedSegments(seedPeople()));
export const campaignRecords = (): Json => records(seedCampaigns());
export const broadcastRecords = (): Json => records(seedBroadcasts());
export const templateRecords = (): Json => records(seedTransactional());
export const channelRecords = (): Json =>
  records([
    { id: "email", name: "Email" },
    { id: "push", name: "Push notification" },
    { id: "sms", name: "SMS" },
    { id: "in_app", name: "In-app message" },
  ]);
