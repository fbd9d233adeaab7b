/**
 * The shape of the simulated Customer.io workspace as it is kept on disk. Field names follow the
 * Customer.io App API so that routes and actions can hand records out with little reshaping.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Person {
  id: string;
  cio_id: string;
  email: string | null;
  attributes: JsonObject;
  created_at: number;
  updated_at: number;
  unsubscribed: boolean;
  suppressed: boolean;
}

export interface Segment {
  id: number;
  name: string;
  description: string;
  type: "manual" | "dynamic";
  state: "finished" | "events" | "build";
  tags: string[];
  conditions: JsonObject | null;
  member_ids: string[];
  created: number;
  updated: number;
}

export interface MessageMetrics {
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  converted: number;
  bounced: number;
  unsubscribed: number;
}

export interface Campaign {
  id: number;
  name: string;
  type: "segment" | "event" | "date";
  state: "active" | "draft" | "stopped";
  trigger_segment_ids: number[];
  tags: string[];
  created: number;
  updated: number;
  metrics: MessageMetrics;
}

export interface Newsletter {
  id: number;
  name: string;
  type: "email" | "push" | "sms";
  state: "sent" | "draft" | "scheduled";
  subject: string;
  sent_at: number | null;
  recipient_segment_ids: number[];
  tags: string[];
  created: number;
  updated: number;
  metrics: MessageMetrics;
}

export interface Broadcast {
  id: number;
  name: string;
  state: "active" | "draft";
  type: "api_triggered";
  created: number;
  updated: number;
  triggers: { id: number; created_at: number; recipients: Json; data: Json }[];
}

export interface TransactionalTemplate {
  id: number;
  name: string;
  description: string;
  type: "email" | "push" | "sms";
  send_to_unsubscribed: boolean;
  link_tracking: boolean;
  created_at: number;
  updated_at: number;
}

export interface Activity {
  id: string;
  customer_id: string;
  type: string;
  name: string | null;
  timestamp: number;
  data: JsonObject;
  delivery_id: string | null;
}

export interface Delivery {
  id: string;
  customer_id: string;
  recipient: string;
  type: "email" | "push" | "sms";
  subject: string;
  campaign_id: number | null;
  newsletter_id: number | null;
  broadcast_id: number | null;
  transactional_message_id: number | null;
  created: number;
  metrics: { sent?: number; delivered?: number; opened?: number; clicked?: number };
}

export interface DataExport {
  id: number;
  type: "customers" | "deliveries";
  description: string;
  status: "done" | "pending" | "failed";
  total: number;
  segment_id: number | null;
  created_at: number;
  updated_at: number;
  downloads: number;
}

export interface Collection {
  id: number;
  name: string;
  rows: number;
  schema: string[];
  data: JsonObject[];
  created_at: number;
  updated_at: number;
}

export interface Snippet {
  name: string;
  value: string;
  updated_at: number;
}

export interface Workspace {
  version: 1;
  region: "us" | "eu";
  people: Person[];
  segments: Segment[];
  campaigns: Campaign[];
  newsletters: Newsletter[];
  broadcasts: Broadcast[];
  transactional: TransactionalTemplate[];
  activities: Activity[];
  deliveries: Delivery[];
  exports: DataExport[];
  collections: Collection[];
  snippets: Snippet[];
  /** Next numeric id per kind, so ids stay unique across processes. */
  counters: { segment: number; export: number; collection: number; trigger: number; delivery: number };
}
