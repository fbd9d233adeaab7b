/** Builds the demo workspace a fresh state directory starts with. */
import { seedCollections, seedExports, seedSnippets } from "./seed-data.js";
import {
  seedBroadcasts,
  seedCampaigns,
  seedDeliveries,
  seedNewsletters,
  seedSegments,
  seedTransactional,
} from "./seed-messaging.js";
import { seedActivities, seedPeople } from "./seed-people.js";
import type { Workspace } from "./types.js";

export function seedWorkspace(): Workspace {
  const people = seedPeople();
  return {
    version: 1,
    region: "us",
    people,
    segments: seedSegments(people),
    campaigns: seedCampaigns(),
    newsletters: seedNewsletters(),
    broadcasts: seedBroadcasts(),
    transactional: seedTransactional(),
    activities: seedActivities(people),
    deliveries: seedDeliveries(people),
    exports: seedExports(),
    collections: seedCollections(),
    snippets: seedSnippets(),
    counters: { segment: 7, export: 3, collection: 3, trigger: 1, delivery: 1 },
  };
}
