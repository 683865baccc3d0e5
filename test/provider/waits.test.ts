/**
 * No silent wait: a Retry-After longer than the provider waits, and an account that never answers,
 * end in an error naming the account and the wait. Counted in requests and connections, never in
 * seconds: the settings are short, and each claim holds however slow the machine is.
 */
import * as http from "node:http";
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import { AffiseClient } from "../../provider/affise/client";
import { AffiseError } from "../../provider/affise/errors";
import type { AffiseConnection } from "../../provider/affise/connection";
import { markAnswered } from "../../provider/affise/patience";

const KEY = "waits-test-key-6c1e";

function connection(apiUrl: string, over: Partial<AffiseConnection> = {}): AffiseConnection {
  return {
    apiUrl,
    apiKey: KEY,
    timeoutMs: 30_000,
    maxRetries: 6,
    maxRequestsPerSecond: 50,
    maxConcurrency: 4,
    maxWaitSeconds: 30,
    unreachableAfterMs: 8000,
    createSettleSeconds: 120,
    ...over,
  };
}

async function listen(server: net.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const close = (server: net.Server) => new Promise((resolve) => server.close(resolve));

it("fails at once, naming the account and the wait, when Affise asks to wait an hour", async () => {
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests += 1;
    res.writeHead(429, { "Retry-After": "3600", "Content-Type": "application/json" });
    res.end(JSON.stringify({ status: 2, error: "Too many requests" }));
  });
  const url = await listen(server);
  try {
    const affise = new AffiseClient(connection(url));
    const first = affise.findOffersByExternalId("x");
    await expect(first).rejects.toThrow(
      new RegExp(`Affise at ${url} asked to wait 3600 s .*affise:maxWaitSeconds`),
    );
    await expect(first).rejects.toMatchObject({ kind: "wait", isFinal: true });
    // The whole account is on hold: the next request fails the same way without being sent.
    await expect(affise.getOffer("1")).rejects.toThrow(/asked to wait 3\d{3} s/);
    expect(requests).toBe(1);
  } finally {
    await close(server);
  }
});

it("waits out a Retry-After within affise:maxWaitSeconds", async () => {
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests += 1;
    const limited = requests === 1;
    res.writeHead(limited ? 429 : 200, {
      "Content-Type": "application/json",
      ...(limited ? { "Retry-After": "1" } : {}),
    });
    res.end(JSON.stringify(limited ? { status: 2 } : { status: 1, offers: [] }));
  });
  const url = await listen(server);
  try {
    await expect(new AffiseClient(connection(url)).findOffersByExternalId("x")).resolves.toEqual(
      [],
    );
    expect(requests).toBe(2);
  } finally {
    await close(server);
  }
});

it("gives up on an account that refuses connections within its budget, and says so", async () => {
  const server = net.createServer();
  const url = await listen(server);
  await close(server);
  const affise = new AffiseClient(connection(url, { unreachableAfterMs: 300 }));
  const failure = await affise.findOffersByExternalId("x").catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(AffiseError);
  expect((failure as Error).message).toMatch(
    new RegExp(`Affise at ${url} did not answer \\(connection refused\\) within 0.3 s`),
  );
});

it("gives up on an account that accepts connections and never answers: one short attempt", async () => {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => sockets.push(socket));
  const url = await listen(server);
  try {
    // 400 ms budget: one attempt of at most 200 ms, and no pause before a retry fits in what is left.
    const affise = new AffiseClient(connection(url, { unreachableAfterMs: 400 }));
    await expect(affise.findOffersByExternalId("x")).rejects.toThrow(
      /did not answer \(no answer before the timeout\) within 0.4 s/,
    );
    expect(sockets).toHaveLength(1);
  } finally {
    sockets.forEach((socket) => socket.destroy());
    await close(server);
  }
});

it("keeps retrying an account that has answered before: a dropped connection is not 'unreachable'", async () => {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    if (requests === 1) {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ status: 1, offers: [] }));
  });
  const url = await listen(server);
  try {
    // An account that answered earlier in this process (here: said so directly) is not judged by
    // the first-contact budget, however small.
    markAnswered(url);
    const affise = new AffiseClient(connection(url, { unreachableAfterMs: 1 }));
    await expect(affise.findOffersByExternalId("x")).resolves.toEqual([]);
    expect(requests).toBe(2);
  } finally {
    await close(server);
  }
});
