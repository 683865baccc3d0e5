/**
 * The provider host's peak resident memory, phase by phase. Linux keeps a process's high-water
 * mark (VmHWM in /proc/<pid>/status); writing 5 to /proc/<pid>/clear_refs starts it afresh, so
 * each phase's peak is its own and no sampling can miss a spike.
 */
import * as fs from "fs";

export class HostMemory {
  /** False where the kernel refused the reset: peaks are then since the host started. */
  resettable = true;

  constructor(private readonly pid: number) {}

  startPhase(): void {
    try {
      fs.writeFileSync(`/proc/${this.pid}/clear_refs`, "5");
    } catch {
      this.resettable = false;
    }
  }

  /** Peak resident set since the phase started, in MB (10^6 bytes). */
  peakMB(): number {
    return this.field("VmHWM");
  }

  /** Resident set now, in MB. */
  currentMB(): number {
    return this.field("VmRSS");
  }

  private field(name: "VmHWM" | "VmRSS"): number {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, "utf8");
    const kib = Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
    if (!Number.isFinite(kib)) throw new Error(`no ${name} for process ${this.pid}`);
    return (kib * 1024) / 1e6;
  }
}
