// put-get-4k: each virtual user PUTs a 4 KiB object and GETs it back, in a loop; first 16 users
// for 30 s, then 64 users for 30 s. Anonymous path-style requests (the local runner accepts them).
//   k6 run load-tests/k6/put-get-4k.js                      # against http://localhost:8080
//   MOCKS3_URL=http://127.0.0.1:9000 DURATION_SECONDS=60 k6 run load-tests/k6/put-get-4k.js
// Per-operation, per-concurrency p50/p99 appear under http_req_duration{scenario:...,op:...}.
import http from 'k6/http';
import { check } from 'k6';
import crypto from 'k6/crypto';
import { createBucket, loopbackOnly, sixteenThenSixtyFour } from './common.js';

const BASE = loopbackOnly(__ENV.MOCKS3_URL || 'http://localhost:8080');
const BUCKET = __ENV.BUCKET || `mocks3-k6-${Date.now()}`;
const SIZE = 4096;
const KEYS_PER_VU = 64; // each user cycles through its own few keys: the store stays small
const SECONDS = parseInt(__ENV.DURATION_SECONDS || '30', 10); // per concurrency level

export const options = {
  scenarios: sixteenThenSixtyFour(SECONDS),
  summaryTrendStats: ['avg', 'p(50)', 'p(99)', 'max', 'count'],
  thresholds: {
    // listing a tagged metric here is what makes k6 report it separately
    'http_req_duration{scenario:c16,op:PUT}': ['p(99)<5000'],
    'http_req_duration{scenario:c16,op:GET}': ['p(99)<5000'],
    'http_req_duration{scenario:c64,op:PUT}': ['p(99)<5000'],
    'http_req_duration{scenario:c64,op:GET}': ['p(99)<5000'],
    'http_reqs{scenario:c16,op:PUT}': ['count>0'],
    'http_reqs{scenario:c64,op:PUT}': ['count>0'],
    http_req_failed: ['rate<0.01'],
  },
};

export function setup() {
  createBucket(BASE, BUCKET);
  return { bucket: BUCKET };
}

export default function (data) {
  const key = `put-get-4k/vu-${__VU}/object-${__ITER % KEYS_PER_VU}`;
  const url = `${BASE}/${data.bucket}/${key}`;
  const body = crypto.randomBytes(SIZE); // fresh content: no de-duplication shortcut
  const put = http.put(url, body, { headers: { 'Content-Type': 'application/octet-stream' }, tags: { op: 'PUT' } });
  if (!check(put, { 'PUT 200': (r) => r.status === 200 })) {
    return;
  }
  const get = http.get(url, { responseType: 'binary', tags: { op: 'GET' } });
  check(get, {
    'GET 200': (r) => r.status === 200,
    'GET 4 KiB back': (r) => r.body && r.body.byteLength === SIZE,
  });
}

export function teardown(data) {
  const deletes = [];
  for (let vu = 1; vu <= 64; vu++) {
    for (let k = 0; k < KEYS_PER_VU; k++) {
      deletes.push(['DELETE', `${BASE}/${data.bucket}/put-get-4k/vu-${vu}/object-${k}`, null, { tags: { op: 'cleanup' } }]);
    }
  }
  for (let i = 0; i < deletes.length; i += 256) {
    http.batch(deletes.slice(i, i + 256));
  }
  http.del(`${BASE}/${data.bucket}`, null, { tags: { op: 'cleanup' } });
}
