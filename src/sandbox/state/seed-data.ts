/** Demo exports, collections and snippets: the workspace's data-management side. */
import { SEED_EPOCH } from "./seed-people.js";
import type { Collection, DataExport, Snippet } from "./types.js";

const DAY = 86_400;

export function seedExports(): DataExport[] {
  return [
    {
      id: 1,
      type: "customers",
      description: "Pro plan customers for Q2 review",
      status: "done",
      total: 3,
      segment_id: 1,
      created_at: SEED_EPOCH - 20 * DAY,
      updated_at: SEED_EPOCH - 20 * DAY + 60,
      downloads: 2,
    },
    {
      id: 2,
      type: "deliveries",
      description: "Onboarding deliveries, May",
      status: "done",
      total: 12,
      segment_id: null,
      created_at: SEED_EPOCH - 5 * DAY,
      updated_at: SEED_EPOCH - 5 * DAY + 90,
      downloads: 0,
    },
  ];
}

export function seedCollections(): Collection[] {
  const plans = [
    { plan: "free", price_usd: 0, seats: 1 },
    { plan: "starter", price_usd: 19, seats: 3 },
    { plan: "pro", price_usd: 49, seats: 10 },
    { plan: "enterprise", price_usd: 499, seats: 250 },
  ];
  const events = [
    { city: "Berlin", date: "2024-07-04", venue: "Factory Görlitzer Park" },
    { city: "Austin", date: "2024-08-15", venue: "Capital Factory" },
  ];
  return [
    {
      id: 1,
      name: "plans",
      rows: plans.length,
      schema: ["plan", "price_usd", "seats"],
      data: plans,
      created_at: SEED_EPOCH - 100 * DAY,
      updated_at: SEED_EPOCH - 30 * DAY,
    },
    {
      id: 2,
      name: "meetups",
      rows: events.length,
      schema: ["city", "date", "venue"],
      data: events,
      created_at: SEED_EPOCH - 60 * DAY,
      updated_at: SEED_EPOCH - 10 * DAY,
    },
  ];
}

export function seedSnippets(): Snippet[] {
  return [
    {
      name: "footer_address",
      value: "Lumen Inc., 1 Example Way, Springfield",
      updated_at: SEED_EPOCH - 50 * DAY,
    },
    { name: "support_signoff", value: "— The Lumen support team", updated_at: SEED_EPOCH - 12 * DAY },
    { name: "promo_code", value: "SUMMER24", updated_at: SEED_EPOCH - 2 * DAY },
  ];
}
