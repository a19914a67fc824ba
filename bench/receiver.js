// The webhook receiver of the benchmark's E row (bench/bench.py): answers every POST with 204 at
// once, after checking its Standard Webhooks signature (docs/events.md), and notes when it came
// (this machine's clock, to the microsecond), the body's "timestamp" (the event's occurredAt, set
// in the change's transaction) and its webhook-id and sequence. GET /count counts them, GET /receipts
// returns them and clears them. Node's http module alone, one process, keep-alive as the sender asks.
//
//   PORT=8293 SECRET=whsec_... node bench/receiver.js
'use strict';
const crypto = require('node:crypto');
const http = require('node:http');
const { performance } = require('node:perf_hooks');

const key = Buffer.from((process.env.SECRET || '').replace(/^whsec_/, ''), 'base64');
let receipts = [];
let bad = 0;
let samples = []; // the first bad requests, for the report

function signed(headers, body) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
  return signatures.split(' ').some((s) => s.startsWith('v1,') && s.length === expected.length + 3
    && crypto.timingSafeEqual(Buffer.from(s.slice(3)), Buffer.from(expected)));
}

http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/count') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ receipts: receipts.length, bad }));
    return;
  }
  if (req.method === 'GET' && req.url === '/receipts') {
    const answer = JSON.stringify({ receipts, bad, samples });
    receipts = [];
    bad = 0;
    samples = [];
    res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const at = performance.timeOrigin + performance.now(); // ms since the epoch, fractional
    const body = Buffer.concat(chunks);
    let event = null;
    try {
      event = JSON.parse(body);
    } catch {
      // counted as bad below
    }
    if (req.method !== 'POST' || !event || !signed(req.headers, body) || event.id !== req.headers['webhook-id']) {
      bad += 1;
      if (samples.length < 5) samples.push({ method: req.method, url: req.url, headers: req.headers, body: body.toString().slice(0, 300) });
      res.writeHead(400).end();
      return;
    }
    receipts.push([at, event.timestamp, event.id, event.sequence, event.type]);
    res.writeHead(204).end();
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
