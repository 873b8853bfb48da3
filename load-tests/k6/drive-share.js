// The drive's shares under load (port 8888): 64 virtual users open random shares with their code
// (validate), then 64 list the shared folder page by page with a share token, DURATION_SECONDS (30)
// each. Expects what ShareLoadScenario seeds (owner 15200000000, password share-load-pass, a root
// folder "shared"): run
//   java -cp load-tests/target/classes dev.mocks3.loadtests.ShareLoadScenario --duration 1s
// once first. This script creates SHARES (100) shares of that folder of its own in setup.
import http from 'k6/http';
import { check } from 'k6';
import { loopbackOnly } from './common.js';

const base = loopbackOnly(__ENV.MOCKS3_DRIVE_URL || 'http://localhost:8888');
const shareCount = Number(__ENV.SHARES || 100);
const seconds = Number(__ENV.DURATION_SECONDS || 30);
const json = { headers: { 'Content-Type': 'application/json' } };

export const options = {
  scenarios: {
    validate: { executor: 'constant-vus', vus: 64, duration: `${seconds}s`, exec: 'validate', gracefulStop: '5s' },
    listing: { executor: 'constant-vus', vus: 64, duration: `${seconds}s`, exec: 'listing', startTime: `${seconds + 5}s`, gracefulStop: '5s' },
  },
  thresholds: {
    'http_req_duration{op:validate}': ['p(99)<20'],
    'http_req_duration{op:share_list}': ['p(99)<20'],
  },
};

export function setup() {
  const login = http.post(`${base}/usercenter/v1/user/login`, JSON.stringify({ mobile: '15200000000', password: 'share-load-pass' }), json);
  if (login.status !== 200) throw new Error(`the owner is not seeded: ${login.body}`);
  const auth = { headers: { Authorization: login.json('data.accessToken'), 'Content-Type': 'application/json' } };
  const root = http.get(`${base}/file/v1/file/list?parentId=0&limit=1000`, auth).json('data.list');
  const folder = root.find((e) => e.name === 'shared');
  if (!folder) throw new Error('no folder "shared": run ShareLoadScenario once first');
  const shares = [];
  for (let s = 0; s < shareCount; s++) {
    const code = 'k' + String(s % 1000).padStart(3, '0');
    const r = http.post(`${base}/share/v1/share/create`, JSON.stringify({ ids: [folder.id], code, expireDays: 1 }), auth);
    if (r.status !== 200) throw new Error(`share create: ${r.body}`);
    shares.push({ key: r.json('data.shareKey'), code });
  }
  return { shares, folder: folder.id };
}

export function validate(data) {
  const share = data.shares[Math.floor(Math.random() * data.shares.length)];
  const r = http.post(`${base}/share/v1/share/validate`, JSON.stringify({ shareKey: share.key, code: share.code }),
    Object.assign({ tags: { op: 'validate' } }, json));
  check(r, { 'validate 200': (res) => res.status === 200 });
}

let token = null;
let cursor = '';

export function listing(data) {
  if (token === null) {
    const share = data.shares[__VU % data.shares.length];
    token = http.post(`${base}/share/v1/share/validate`, JSON.stringify({ shareKey: share.key, code: share.code }), json)
      .json('data.shareToken');
  }
  const r = http.get(`${base}/share/v1/share/files?parentId=${data.folder}&limit=50&shareToken=${token}`
    + (cursor ? `&cursor=${cursor}` : ''), { tags: { op: 'share_list' } });
  check(r, { 'share list 200': (res) => res.status === 200 });
  cursor = r.status === 200 ? (r.json('data.nextCursor') || '') : '';
}
