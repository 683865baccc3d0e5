/**
 * Two offers sharing an external_offer_id in Affise (a copied offer keeps it): each file alone is
 * fine, but two files managing one id are refused, so the export says so for the whole folder.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { AffiseClient } from "../../provider/affise/client";
import { resolveConnection } from "../../provider/affise/connection";
import { exportOffers } from "../../scripts/export/export-offers";
import { editInAffise, seedAccount } from "./seed-account";

const API_KEY = "shared-external-id-key-0c4e";
let emulator: RunningEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator({ apiKey: API_KEY, port: 0 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shared-id-"));
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("reports what validate will find in the folder, naming both files", async () => {
  const [first, second, third] = await seedAccount(emulator.url, API_KEY, 3);
  for (const id of [first, third])
    await editInAffise(emulator.url, API_KEY, id, { external_offer_id: "CRM-7" });
  const client = new AffiseClient(resolveConnection({ apiUrl: emulator.url, apiKey: API_KEY }));

  const summary = await exportOffers(client, { outDir: dir });

  expect(summary).toMatchObject({ failed: [], invalid: [] });
  expect(summary.written.map((w) => w.id)).toEqual([first, second, third].map(String));
  expect(summary.folderProblems).toEqual([
    expect.stringMatching(/externalOfferId: "CRM-7" is already the externalOfferId of .*\.yaml/),
  ]);
});
