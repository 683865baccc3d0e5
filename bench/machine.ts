/** The machine a run was measured on, as BENCHMARKS.md reports it. */
import * as os from "os";

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  os: string;
  node: string;
  sdk: string;
  /** 1-minute load average when the run started and when it ended (other work shares the cores). */
  loadAtStart: number;
  loadAtEnd: number;
}

export function describeMachine(loadAtStart: number): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? "unknown",
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdk: (require("@pulumi/pulumi/package.json") as { version: string }).version,
    loadAtStart,
    loadAtEnd: os.loadavg()[0],
  };
}
