/**
 * A bot process for the crash test, built from dist/: reads events as JSON lines on stdin,
 * handles each (printing `ack <eventId>` once it is committed), and delivers the outbox in the
 * background through a notifier that appends each delivery id to a file before reporting success.
 * `drain` on stdin: deliver everything, then print `drained`.
 *
 * Usage: node moderation-worker.js <database path> <deliveries log>
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const dist = path.resolve(__dirname, '..', '..', 'dist');
const { createMessageHandler, OutboxRelay } = require(path.join(dist, 'moderation'));
const { SqliteModerationStore } = require(path.join(dist, 'store'));
const { loadRules } = require(path.join(dist, 'files', 'load-rules'));

const [databasePath, deliveriesLog] = process.argv.slice(2);
const store = SqliteModerationStore.open(databasePath);
const { ruleSet } = loadRules({});
const notifier = {
  async deliver(delivery) {
    await new Promise((resolve) => setImmediate(resolve));
    fs.appendFileSync(deliveriesLog, `${delivery.id}\n`);
    return { via: 'test' };
  },
};
const relay = new OutboxRelay({ store, notifier, idleMs: 20, leaseMs: 500, retry: { timeoutMs: 100 } });
const handle = createMessageHandler({ store, rules: { current: () => ruleSet }, policy: { cooldownMs: 0 }, onQueued: () => relay.wake() });
relay.start();

let chain = Promise.resolve();
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  chain = chain.then(async () => {
    if (line === 'drain') {
      while ((await store.nextDeliveryDue()) !== undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      await relay.stop();
      process.stdout.write('drained\n');
      return;
    }
    const event = JSON.parse(line);
    await handle(event);
    process.stdout.write(`ack ${event.eventId}\n`);
  });
});
