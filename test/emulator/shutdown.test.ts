import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const EMULATOR = path.resolve(__dirname, "../../dist/emulator");

/**
 * A process that closes its emulator while a create is still waiting out an injected ten-minute
 * delay. It must be free to exit at once: a test runner's worker that hosted such an emulator
 * would otherwise fail to exit gracefully.
 */
const SCRIPT = `
const { startEmulator } = require(${JSON.stringify(EMULATOR)});
(async () => {
  const emulator = await startEmulator({ apiKey: "k", port: 0 });
  emulator.setFaults({ slowCreates: { count: 1, delayMs: 600000 } });
  const answered = fetch(emulator.url + "/3.0/admin/offer", {
    method: "POST",
    headers: { "API-Key": "k", "content-type": "application/x-www-form-urlencoded" },
    body: "title=Slow",
  }).then(() => "answered", () => "closed");
  // The create is inside the emulator, waiting, once it has taken the slow-create fault.
  while (emulator.faults().slowCreates.count > 0) await new Promise((r) => setImmediate(r));
  await emulator.close();
  console.log(await answered);
})();
`;

describe("closing the emulator while a create waits out a slow-create fault", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-shutdown-"));
  let child: ChildProcess | undefined;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => child?.kill("SIGKILL"));

  it("lets its process exit on its own", async () => {
    const file = path.join(dir, "close-while-waiting.js");
    fs.writeFileSync(file, SCRIPT);
    child = spawn(process.execPath, [file]);
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise((done) => child!.on("exit", done));
    expect({ code, stdout }).toEqual({ code: 0, stdout: "closed\n" });
  });
});
