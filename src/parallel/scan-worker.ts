// A scan pool thread: builds the run's Detection once, then scans the sources
// the main thread posts and posts back their findings, in order of arrival.

import { parentPort, workerData } from "node:worker_threads";
import { createDetection, type DetectionInput } from "../detect/detection.js";
import { scanSource } from "../detect/scan-source.js";
import type { ScanReply, ScanRequest } from "./messages.js";

const port = parentPort;
if (port === null) throw new Error("scan-worker.js runs as a worker thread only");
const { rules, overrides, legacyFingerprints } = workerData as DetectionInput;
const detection = createDetection(rules, overrides, legacyFingerprints);
port.on("message", ({ id, source }: ScanRequest) => {
  let reply: ScanReply;
  try {
    reply = { id, findings: scanSource(source, detection) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
