// Drive search under load (port 8888): 64 virtual users search one user's drive for DURATION_SECONDS
// (30) per kind: whole words, word prefixes, substrings (English and Chinese). Expects the drive
// DriveSearchLoadRunner seeds (mobile 13900007777): run
//   java -cp load-tests/target/classes dev.mocks3.loadtests.DriveSearchLoadRunner --files 20000 --duration 1s
// once first.
import http from 'k6/http';
import { check } from 'k6';
import { loopbackOnly } from './common.js';

const base = loopbackOnly(__ENV.MOCKS3_DRIVE_URL || 'http://localhost:8888');
const seconds = Number(__ENV.DURATION_SECONDS || 30);
const queries = {
  word: ['match=word', 'report', 'budget', 'invoice', 'meeting', 'summary'],
  prefix: ['match=prefix', 'rep', 'budg', 'hol', 'inv', '季度'],
  substring: ['match=any', 'eport', 'udge', 'oliday', '报告', '预算'],
};

export const options = {
  scenarios: {
    word: { executor: 'constant-vus', vus: 64, duration: `${seconds}s`, exec: 'search', env: { KIND: 'word' }, gracefulStop: '5s' },
    prefix: { executor: 'constant-vus', vus: 64, duration: `${seconds}s`, exec: 'search', env: { KIND: 'prefix' },
      startTime: `${seconds + 5}s`, gracefulStop: '5s' },
    substring: { executor: 'constant-vus', vus: 64, duration: `${seconds}s`, exec: 'search', env: { KIND: 'substring' },
      startTime: `${2 * (seconds + 5)}s`, gracefulStop: '5s' },
  },
  thresholds: {
    'http_req_duration{op:word}': ['p(99)<20'],
    'http_req_duration{op:prefix}': ['p(99)<20'],
    'http_req_duration{op:substring}': ['p(99)<20'],
  },
};

export function setup() {
  const r = http.post(`${base}/usercenter/v1/user/login`, JSON.stringify({ mobile: '13900007777', password: 'search-load-pass' }),
    { headers: { 'Content-Type': 'application/json' } });
  if (r.status !== 200) throw new Error(`the search user is not seeded: ${r.body}`);
  return { token: r.json('data.accessToken') };
}

export function search(data) {
  const kind = __ENV.KIND;
  const q = queries[kind];
  const keyword = q[1 + Math.floor(Math.random() * (q.length - 1))];
  const r = http.get(`${base}/search/v1/search/files?${q[0]}&keyword=${encodeURIComponent(keyword)}`,
    { headers: { Authorization: data.token }, tags: { op: kind } });
  check(r, { 'found': (res) => res.status === 200 && res.json('data.list').length > 0 });
}
