// Drives an Aurora WebSocket server with Node's `ws` client. Usage: node node_client.js BASE_URL;
// prints OK and exits 0 when every case passed.
const WebSocket = require('ws');
const crypto = require('crypto');
const base = process.argv[2];

function open(path, options) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(base + path, options);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function next(ws) {
  return new Promise((resolve, reject) => {
    ws.once('message', (data, isBinary) => resolve({ data, isBinary }));
    ws.once('close', (code) => reject(new Error('closed ' + code)));
  });
}

function closed(ws) {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

function check(condition, what) {
  if (!condition) {
    throw new Error('failed: ' + what);
  }
}

async function main() {
  let ws = await open('/echo', { perMessageDeflate: false });
  ws.send('héllo');
  let m = await next(ws);
  check(!m.isBinary && m.data.toString() === 'héllo', 'text echo');
  const big = crypto.randomBytes(3 * 1024 * 1024);
  ws.send(big);
  m = await next(ws);
  check(m.isBinary && Buffer.compare(m.data, big) === 0, 'large binary echo');
  ws.send('part one, ', { fin: false });
  ws.send('part two', { fin: true });
  m = await next(ws);
  check(m.data.toString() === 'part one, part two', 'fragmented echo');
  let end = closed(ws);
  ws.close(1000, 'done');
  check((await end).code === 1000, 'client close');

  ws = await open('/echo', { perMessageDeflate: true });
  check(ws.extensions.startsWith('permessage-deflate'), 'deflate negotiated: ' + ws.extensions);
  const text = 'compressible text, '.repeat(5000);
  for (let i = 0; i < 3; i++) {
    ws.send(text);
    m = await next(ws);
    check(m.data.toString() === text, 'deflate echo ' + i);
  }
  ws.close();

  ws = await open('/closes', {});
  end = await closed(ws);
  check(end.code === 4000 && end.reason === 'bye', 'server close ' + end.code + ' ' + end.reason);
  console.log('OK');
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
