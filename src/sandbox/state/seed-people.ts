/**
 * Demo people and their activity history: fake but plausible customers of a small SaaS product, all on
 * example.com, with fixed timestamps so every fresh sandbox starts identical.
 */
import type { Activity, Person } from "./types.js";

/** 2024-06-01T00:00:00Z: the sandbox's "now" for seeded records. */
export const SEED_EPOCH = 1_717_200_000;
const DAY = 86_400;

const PEOPLE: [id: string, first: string, last: string, plan: string, city: string, daysAgo: number][] = [
  ["cust_1001", "Ava", "Thompson", "pro", "Austin", 410],
  ["cust_1002", "Liam", "Okafor", "free", "Lagos", 380],
  ["cust_1003", "Mia", "Schneider", "enterprise", "Berlin", 360],
  ["cust_1004", "Noah", "Fernandes", "pro", "Lisbon", 300],
  ["cust_1005", "Sofia", "Rossi", "free", "Milan", 240],
  ["cust_1006", "Ethan", "Kim", "starter", "Seoul", 200],
  ["cust_1007", "Isabella", "Nguyen", "pro", "Hanoi", 150],
  ["cust_1008", "Lucas", "Martin", "starter", "Paris", 120],
  ["cust_1009", "Amara", "Diallo", "enterprise", "Dakar", 90],
  ["cust_1010", "Oliver", "Brown", "free", "Leeds", 60],
  ["cust_1011", "Chloe", "Dubois", "pro", "Montreal", 30],
  ["cust_1012", "Mateo", "Garcia", "starter", "Madrid", 7],
];

export function seedPeople(): Person[] {
  return PEOPLE.map(([id, first, last, plan, city, daysAgo], index) => {
    const createdAt = SEED_EPOCH - daysAgo * DAY;
    const email = `${first.toLowerCase()}.${last.toLowerCase()}@example.com`;
    return {
      id,
      cio_id: `a3f0${(0x1000 + index).toString(16)}c9e7`,
      email,
      attributes: {
        id,
        email,
        first_name: first,
        last_name: last,
        plan,
        city,
        created_at: createdAt,
        lifetime_value: Math.round(
          (index + 1) * 37.5 * (plan === "enterprise" ? 20 : plan === "pro" ? 4 : 1),
        ),
        newsletter_opt_in: index % 3 !== 0,
        last_login_at: SEED_EPOCH - (index % 5) * DAY,
      },
      created_at: createdAt,
      updated_at: SEED_EPOCH - (index % 4) * DAY,
      unsubscribed: id === "cust_1010",
      suppressed: false,
    };
  });
}

const EVENT_NAMES = ["signed_up", "viewed_pricing", "started_trial", "upgraded_plan", "invited_teammate"];

export function seedActivities(people: Person[]): Activity[] {
  const activities: Activity[] = [];
  people.forEach((person, personIndex) => {
    const count = 3 + (personIndex % 3);
    for (let step = 0; step < count; step++) {
      const event = EVENT_NAMES[(personIndex + step) % EVENT_NAMES.length] ?? "signed_up";
      const isEmail = step % 2 === 1;
      activities.push({
        id: `act_${person.id.slice(5)}_${step + 1}`,
        customer_id: person.id,
        type: isEmail ? "email_opened" : "event",
        name: isEmail ? null : event,
        timestamp: person.created_at + step * 3 * DAY,
        data: isEmail ? { subject: "Welcome to Lumen" } : { source: step === 0 ? "web" : "app" },
        delivery_id: isEmail ? `dlv_${person.id.slice(5)}_1` : null,
      });
    }
  });
  return activities;
}
