import type { LoggedRequest } from "./types";

// Enough for a 1,000-offer benchmark several times over while bounding a long demo's memory.
const MAX_ENTRIES = 100_000;

/** API requests in arrival order, recorded once their status is known. */
export class RequestLog {
  private entries: Array<{ seq: number; request: LoggedRequest }> = [];

  record(seq: number, request: LoggedRequest): void {
    this.entries.push({ seq, request });
    if (this.entries.length > MAX_ENTRIES)
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): LoggedRequest[] {
    return [...this.entries]
      .sort((a, b) => a.seq - b.seq)
      .map((entry) => structuredClone(entry.request));
  }

  clear(): void {
    this.entries = [];
  }
}
