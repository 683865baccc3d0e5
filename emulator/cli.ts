#!/usr/bin/env node
import { parseCliArgs, USAGE } from "./cli-args";
import { startEmulator } from "./index";

/** `npm run emulator -- --port 4010 --api-key <key> [--data <file>] …` */
async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`affise emulator: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (parsed === "help") {
    process.stdout.write(USAGE);
    return;
  }
  const emulator = await startEmulator(parsed.options);
  emulator.setFaults(parsed.faults);
  process.stdout.write(`Affise emulator listening on ${emulator.url}\n`);

  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`affise emulator: ${signal}, closing\n`);
    emulator.close().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`affise emulator: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: Error) => {
  process.stderr.write(`affise emulator: ${error.message}\n`);
  process.exit(1);
});
