// The cloud drive under load (port 8888): login, then a mix of list folder, file details, instant
// upload and presign, by 64 virtual users for DURATION_SECONDS (30) each. Expects the users and
// files DriveLoadRunner seeds (mobiles 150xxxxxxxx, password load-test-pass, 1 KiB contents): run
//   java -cp load-tests/target/classes dev.mocks3.loadtests.DriveLoadRunner --duration 1s
// once first. The drive must run with high login limits (see load-tests/README.md).
// RATE=<requests/s per client> paces the load (open loop, k6's constant-arrival-rate, as the
// runner's --rate): 64 clients' worth of requests arrive on schedule however slow the answers are.
import http from 'k6/http';
import { check } from 'k6';
import { Trend } from 'k6/metrics';
import { loopbackOnly } from './common.js';

const base = loopbackOnly(__ENV.MOCKS3_DRIVE_URL || 'http://localhost:8888');
const users = Number(__ENV.USERS || 1000);
const seconds = Number(__ENV.DURATION_SECONDS || 30);
const kdf = new Trend('login_kdf_ms', true);
const loginWithoutKdf = new Trend('login_without_kdf_ms', true);
const json = { headers: { 'Content-Type': 'application/json' } };

const rate = Number(__ENV.RATE || 0);
const clients = 64;
// a mix iteration is 4 requests
const paced = (exec, perIteration, extra) => Object.assign({
  executor: 'constant-arrival-rate', rate: Math.max(1, Math.round((clients * rate) / perIteration)), timeUnit: '1s',
  duration: `${seconds}s`, preAllocatedVUs: clients, maxVUs: 4 * clients, exec, gracefulStop: '5s',
}, extra);
const closed = (exec, extra) => Object.assign({ executor: 'constant-vus', vus: clients, duration: `${seconds}s`, exec, gracefulStop: '5s' }, extra);

export const options = {
  scenarios: rate > 0
    ? { login: paced('login', 1, {}), mix: paced('mix', 4, { startTime: `${seconds + 5}s` }) }
    : { login: closed('login', {}), mix: closed('mix', { startTime: `${seconds + 5}s` }) },
  thresholds: {
    'http_req_duration{op:list}': ['p(99)<20'],
    'http_req_duration{op:detail}': ['p(99)<20'],
    'http_req_duration{op:instant}': ['p(99)<20'],
    'http_req_duration{op:presign}': ['p(99)<20'],
    login_without_kdf_ms: ['p(99)<20'],
  },
};

function mobile(i) {
  return '150' + String(i).padStart(8, '0');
}

export function setup() {
  const tokens = [];
  for (let u = 0; u < users; u++) {
    const r = http.post(`${base}/usercenter/v1/user/login`, JSON.stringify({ mobile: mobile(u), password: 'load-test-pass' }), json);
    if (r.status !== 200) throw new Error(`user ${mobile(u)} is not seeded: ${r.body}`);
    tokens.push(r.json('data.accessToken'));
  }
  const list = http.get(`${base}/file/v1/file/list?parentId=0&limit=100`, { headers: { Authorization: tokens[0] } }).json('data.list');
  const shas = [...new Set(list.filter((f) => f.type === 'file').map((f) => f.sha256))];
  const ids = tokens.map((t) => http.get(`${base}/file/v1/file/list?parentId=0&limit=20`, { headers: { Authorization: t } })
    .json('data.list').map((f) => f.id));
  return { tokens, shas, ids };
}

export function login() {
  const u = Math.floor(Math.random() * users);
  const r = http.post(`${base}/usercenter/v1/user/login`, JSON.stringify({ mobile: mobile(u), password: 'load-test-pass' }),
    Object.assign({ tags: { op: 'login' } }, json));
  check(r, { 'login 200': (res) => res.status === 200 });
  const timing = /kdf;dur=([0-9.]+)/.exec(r.headers['Server-Timing'] || '');
  if (timing) {
    kdf.add(Number(timing[1]));
    loginWithoutKdf.add(r.timings.duration - Number(timing[1]));
  }
}

export function mix(data) {
  const u = Math.floor(Math.random() * users);
  const auth = { headers: { Authorization: data.tokens[u], 'Content-Type': 'application/json' } };
  const tag = (op) => Object.assign({ tags: { op } }, auth);
  const sha = data.shas[Math.floor(Math.random() * data.shas.length)];
  const name = `k6-${__VU}-${__ITER}-${Date.now()}`;
  check(http.get(`${base}/file/v1/file/list?parentId=0&limit=50`, tag('list')), { 'list 200': (r) => r.status === 200 });
  const ids = data.ids[u];
  check(http.get(`${base}/file/v1/file/detail?id=${ids[Math.floor(Math.random() * ids.length)]}`, tag('detail')),
    { 'detail 200': (r) => r.status === 200 });
  check(http.post(`${base}/file/v1/upload/instant`, JSON.stringify({ name, size: 1024, sha256: sha }), tag('instant')),
    { 'instant hit': (r) => r.status === 200 && r.json('data.hit') === true });
  check(http.post(`${base}/file/v1/upload/presign`, JSON.stringify({ name: `p-${name}`, size: 1024, sha256: sha }), tag('presign')),
    { 'presign 200': (r) => r.status === 200 });
}
