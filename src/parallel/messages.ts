// What the main thread and a scan pool thread say to each other.

import type { Finding, Source } from "../detect/types.js";

export interface ScanRequest {
  id: number;
  source: Source;
}

export type ScanReply = { id: number; findings: Finding[] } | { id: number; error: string };
