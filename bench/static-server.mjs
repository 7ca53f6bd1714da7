import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/*
 * The timeline baseline: plain node:http answering precomputed JSON bodies, Keepsake's own
 * answers byte for byte. Its own process, so that its memory can be read on its own; plain
 * JavaScript, so that it can run with or without the tsx loader, like Keepsake.
 * Usage: static-server.mjs <port> <buckets.json> <page.json>
 */
const [port, bucketsFile, pageFile] = process.argv.slice(2);
if (!port || !bucketsFile || !pageFile) throw new Error('usage: <port> <buckets.json> <page.json>');
const buckets = readFileSync(bucketsFile);
const page = readFileSync(pageFile);

/**
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {Buffer | string} body
 */
function send(res, status, body) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/health') send(res, 200, '{"status":"ok"}');
  else if (path === '/api/timeline/buckets') send(res, 200, buckets);
  else if (path.startsWith('/api/timeline/buckets/')) send(res, 200, page);
  else send(res, 404, '{}');
}).listen(Number(port), '127.0.0.1');
