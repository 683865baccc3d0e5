/**
 * Where a `pulumi` command spends CPU: every process this bench started (the CLI and all it
 * spawns), sampled from /proc every quarter second, each sorted into a role by its command line —
 * the engine (the Go CLI), the language host and the program it runs, and the provider host that
 * runs the dynamic provider. A process's CPU is its last sample, so up to a quarter second per
 * process may go uncounted; peak memory is each process's own high-water mark (VmHWM).
 */
import * as fs from "fs";

export type Role = "engine" | "program" | "provider";

export interface RoleUsage {
  /** User + system CPU seconds of every process in the role. */
  cpuSeconds: number;
  /** The largest peak resident set of one process in the role, in MB (10^6 bytes). */
  peakMB: number;
}

export type TreeUsage = Record<Role, RoleUsage>;

const TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;
const SAMPLE_MS = 250;

interface Seen {
  role: Role;
  ticks: number;
  peakMB: number;
}

export class ProcessTreeSampler {
  private readonly seen = new Map<number, Seen>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly root = process.pid) {
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
  }

  stop(): TreeUsage {
    clearInterval(this.timer);
    this.sample();
    const usage: TreeUsage = {
      engine: { cpuSeconds: 0, peakMB: 0 },
      program: { cpuSeconds: 0, peakMB: 0 },
      provider: { cpuSeconds: 0, peakMB: 0 },
    };
    for (const { role, ticks, peakMB } of this.seen.values()) {
      usage[role].cpuSeconds += ticks / TICKS_PER_SECOND;
      usage[role].peakMB = Math.max(usage[role].peakMB, peakMB);
    }
    return usage;
  }

  private sample(): void {
    const parents = new Map<number, number>();
    const stats = new Map<number, string[]>();
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = readStat(Number(entry));
      if (!fields) continue;
      parents.set(Number(entry), Number(fields[1]));
      stats.set(Number(entry), fields);
    }
    for (const [pid, fields] of stats) {
      if (pid === this.root || !descends(pid, this.root, parents)) continue;
      const role = this.seen.get(pid)?.role ?? roleOf(pid);
      if (!role) continue;
      // Fields after the command: state is [0]; utime and stime are the 14th and 15th of stat.
      const ticks = Number(fields[11]) + Number(fields[12]);
      const peakMB = Math.max(this.seen.get(pid)?.peakMB ?? 0, peakOf(pid, fields));
      this.seen.set(pid, { role, ticks, peakMB });
    }
  }
}

/** /proc/<pid>/stat after the command name (which may hold spaces), or undefined if it is gone. */
function readStat(pid: number): string[] | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

function descends(pid: number, root: number, parents: Map<number, number>): boolean {
  for (let current = parents.get(pid); current !== undefined && current > 1;) {
    if (current === root) return true;
    current = parents.get(current);
  }
  return false;
}

function roleOf(pid: number): Role | undefined {
  let command: string;
  try {
    command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return undefined;
  }
  if (/dynamic-provider|pulumi-resource-/.test(command)) return "provider";
  if (/pulumi-language-|\bnode\b|nodejs/.test(command)) return "program";
  if (/pulumi/.test(command)) return "engine";
  return undefined;
}

function peakOf(pid: number, fields: string[]): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
    if (Number.isFinite(kib)) return (kib * 1024) / 1e6;
  } catch {
    // Gone between reads: the resident set from stat is the best left.
  }
  return (Number(fields[21]) * PAGE_BYTES) / 1e6;
}
