/**
 * The tenant throttle on a clock moved by hand: no wait where none is due, spacing, the
 * concurrency cap, AIMD on 429s, Retry-After pauses and the long wait that fails at once.
 */
import { LongWaitError } from "../../provider/affise/patience";
import { TenantThrottle, type ThrottleClock } from "../../provider/affise/throttle";

class HandClock implements ThrottleClock {
  time = 1_000_000;
  private timers: { at: number; wake: () => void }[] = [];
  /** Every wait the throttle asked for, in ms. */
  readonly waits: number[] = [];

  now(): number {
    return this.time;
  }

  after(ms: number, wake: () => void): () => void {
    const timer = { at: this.time + ms, wake };
    this.waits.push(ms);
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }

  /** Moves time on, firing what falls due, and lets the promises that follow settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.wake();
    }
    this.time = end;
    await settle();
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A request that stays in flight until the test answers it. */
function pending() {
  const sent: { at: number; answer: () => void; fail: (e: Error) => void }[] = [];
  return {
    sent,
    send: (clock: HandClock) => () =>
      new Promise<string>((resolve, reject) => {
        sent.push({ at: clock.time, answer: () => resolve("ok"), fail: reject });
      }),
  };
}

it("sends a request at once, in the same turn, when nothing holds it back", async () => {
  const clock = new HandClock();
  const throttle = new TenantThrottle({ maxConcurrency: 4, maxRequestsPerSecond: 10 }, clock);
  let sent = 0;
  const answer = throttle.schedule(async () => ++sent);

  expect(sent).toBe(1);
  expect(clock.waits).toEqual([]);
  await expect(answer).resolves.toBe(1);
});

it("spaces the starts to the configured rate", async () => {
  const clock = new HandClock();
  const throttle = new TenantThrottle({ maxConcurrency: 10, maxRequestsPerSecond: 10 }, clock);
  const started: number[] = [];
  const answers = [1, 2, 3].map(() => throttle.schedule(async () => started.push(clock.time)));
  await clock.advance(1000);
  await Promise.all(answers);

  const t0 = started[0];
  expect(started.map((t) => t - t0)).toEqual([0, 100, 200]);
});

it("keeps at most maxConcurrency requests in flight", async () => {
  const clock = new HandClock();
  const throttle = new TenantThrottle({ maxConcurrency: 2, maxRequestsPerSecond: 1000 }, clock);
  const requests = pending();
  const answers = [1, 2, 3].map(() => throttle.schedule(requests.send(clock)));
  await clock.advance(50);
  expect(requests.sent).toHaveLength(2);
  expect(throttle.queued).toBe(1);

  requests.sent[0].answer();
  await clock.advance(0);
  expect(requests.sent).toHaveLength(3);
  requests.sent[1].answer();
  requests.sent[2].answer();
  await expect(Promise.all(answers)).resolves.toEqual(["ok", "ok", "ok"]);
});

it("frees the slot of a request that fails, and passes the failure on", async () => {
  const clock = new HandClock();
  const throttle = new TenantThrottle({ maxConcurrency: 1, maxRequestsPerSecond: 1000 }, clock);
  const failing = throttle.schedule(() => Promise.reject(new Error("HTTP 500")));
  const throwing = throttle.schedule(() => {
    throw new Error("bad config");
  });
  const next = throttle.schedule(async () => "next");
  const outcomes = Promise.allSettled([failing, throwing, next]);
  await clock.advance(10);

  expect(await outcomes).toEqual([
    { status: "rejected", reason: new Error("HTTP 500") },
    { status: "rejected", reason: new Error("bad config") },
    { status: "fulfilled", value: "next" },
  ]);
});

it("halves the rate on a 429, at most once a second, and wins it back with successes", async () => {
  const clock = new HandClock();
  const throttle = new TenantThrottle({ maxConcurrency: 4, maxRequestsPerSecond: 16 }, clock);
  throttle.throttled();
  throttle.throttled();
  expect(throttle.currentRate).toBe(8);
  await clock.advance(1000);
  throttle.throttled();
  expect(throttle.currentRate).toBe(4);
  for (let i = 0; i < 1000; i++) throttle.succeeded();
  expect(throttle.currentRate).toBe(16);
});

it("never goes below half a request per second", async () => {
  const clock = new HandClock();
  const throttle = new TenantThrottle({ maxConcurrency: 4, maxRequestsPerSecond: 2 }, clock);
  for (let i = 0; i < 5; i++) {
    throttle.throttled();
    await clock.advance(1000);
  }
  expect(throttle.currentRate).toBe(0.5);
});

it("holds every queued request until Retry-After has passed", async () => {
  const clock = new HandClock();
  const throttle = new TenantThrottle({ maxConcurrency: 4, maxRequestsPerSecond: 1000 }, clock);
  const started: number[] = [];
  const t0 = clock.time;
  throttle.throttled(3000);
  const answers = [1, 2].map(() => throttle.schedule(async () => started.push(clock.time - t0)));
  await clock.advance(2999);
  expect(started).toEqual([]);
  await clock.advance(1000);
  await Promise.all(answers);

  expect(started[0]).toBe(3000);
  // The rate was halved to 500/s: the second waits its 2 ms.
  expect(started[1]).toBe(3002);
});

it("without Retry-After, cools down for two spacings of the halved rate", async () => {
  const clock = new HandClock();
  const throttle = new TenantThrottle({ maxConcurrency: 4, maxRequestsPerSecond: 10 }, clock);
  const t0 = clock.time;
  throttle.throttled();
  let startedAt = 0;
  const answer = throttle.schedule(async () => (startedAt = clock.time - t0));
  await clock.advance(1000);
  await answer;

  expect(startedAt).toBe(400);
});

it("fails every request at once while a Retry-After longer than maxWait runs, then sends again", async () => {
  const clock = new HandClock();
  const throttle = new TenantThrottle({ maxConcurrency: 1, maxRequestsPerSecond: 1000 }, clock);
  const requests = pending();
  const inFlight = throttle.schedule(requests.send(clock));
  const queued = throttle.schedule(requests.send(clock));
  const until = clock.time + 60_000;
  throttle.throttled(60_000, 30_000);

  await expect(queued).rejects.toEqual(new LongWaitError(until));
  await expect(throttle.schedule(requests.send(clock))).rejects.toBeInstanceOf(LongWaitError);
  requests.sent[0].answer();
  await expect(inFlight).resolves.toBe("ok");
  expect(throttle.currentRate).toBe(1000);

  await clock.advance(60_000);
  const after = throttle.schedule(requests.send(clock));
  expect(requests.sent).toHaveLength(2);
  requests.sent[1].answer();
  await expect(after).resolves.toBe("ok");
});
