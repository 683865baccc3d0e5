/**
 * The demo's Affise: the emulator, in this process, keeping offers in .demo/emulator.sqlite. Its
 * port and API key are kept too, so the stack config stays the same from run to run and a second
 * `npm run demo` has nothing to change.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";

export interface DemoEmulator extends RunningEmulator {
  apiKey: string;
  dataFile: string;
}

interface Saved {
  port: number;
  apiKey: string;
}

export async function startDemoEmulator(dir: string): Promise<DemoEmulator> {
  const savedFile = path.join(dir, "emulator.json");
  const saved = readSaved(savedFile);
  const apiKey = saved?.apiKey ?? randomBytes(24).toString("hex");
  const dataFile = path.join(dir, "emulator.sqlite");
  const start = (port: number) => startEmulator({ port, apiKey, dataFile });

  let emulator: RunningEmulator;
  try {
    emulator = await start(saved?.port ?? 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    emulator = await start(0);
  }
  const settings: Saved = { port: emulator.port, apiKey };
  fs.writeFileSync(savedFile, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  return Object.assign(emulator, { apiKey, dataFile });
}

function readSaved(file: string): Saved | undefined {
  try {
    const saved = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Saved>;
    return typeof saved.port === "number" && typeof saved.apiKey === "string"
      ? { port: saved.port, apiKey: saved.apiKey }
      : undefined;
  } catch {
    return undefined;
  }
}
