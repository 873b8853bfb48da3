// get-4k: 256 objects of 4 KiB are written once in setup; then each virtual user GETs them in
// random order and checks the size; first 16 users for 30 s, then 64 users for 30 s. Reads only:
// with RULES=100 the fault check's cost shows against a run with RULES=0.
//   k6 run load-tests/k6/get-4k.js
//   RULES=100 MOCKS3_RULES_URL=http://localhost:8085 k6 run load-tests/k6/get-4k.js
// Per-concurrency p50/p99 appear under http_req_duration{scenario:...,op:GET}.
import http from 'k6/http';
import { check } from 'k6';
import crypto from 'k6/crypto';
import { createBucket, loopbackOnly, sixteenThenSixtyFour } from './common.js';

const BASE = loopbackOnly(__ENV.MOCKS3_URL || 'http://localhost:8080');
const RULES_API = loopbackOnly(__ENV.MOCKS3_RULES_URL || 'http://localhost:8085');
const RULES = parseInt(__ENV.RULES || '0', 10);
const BUCKET = __ENV.BUCKET || `mocks3-k6-${Date.now()}`;
const SIZE = 4096;
const OBJECTS = 256;
const SECONDS = parseInt(__ENV.DURATION_SECONDS || '30', 10); // per concurrency level

export const options = {
  scenarios: sixteenThenSixtyFour(SECONDS),
  summaryTrendStats: ['avg', 'p(50)', 'p(99)', 'max', 'count'],
  thresholds: {
    'http_req_duration{scenario:c16,op:GET}': ['p(99)<5000'],
    'http_req_duration{scenario:c64,op:GET}': ['p(99)<5000'],
    'http_reqs{scenario:c16,op:GET}': ['count>0'],
    http_req_failed: ['rate<0.01'],
  },
};

export function setup() {
  createBucket(BASE, BUCKET);
  for (let i = 0; i < OBJECTS; i++) {
    const put = http.put(`${BASE}/${BUCKET}/get-4k/object-${i}`, crypto.randomBytes(SIZE),
      { headers: { 'Content-Type': 'application/octet-stream' }, tags: { op: 'setup' } });
    if (put.status !== 200) {
      throw new Error(`PutObject get-4k/object-${i}: ${put.status} ${put.body}`);
    }
  }
  const rules = [];
  for (let i = 0; i < RULES; i++) {
    const rule = {
      name: `load-test non-matching ${i}`,
      conditions: [{ type: 'bucket', value: `mocks3-load-no-such-bucket-${i}` }],
      action: { type: 'http_error', http_code: 500 },
    };
    const res = http.post(`${RULES_API}/api/v1/rules`, JSON.stringify(rule),
      { headers: { 'Content-Type': 'application/json' }, tags: { op: 'setup' } });
    if (res.status !== 201) {
      throw new Error(`rule ${i} refused: ${res.status} ${res.body}`);
    }
    rules.push(res.json('id'));
  }
  return { bucket: BUCKET, rules };
}

export default function (data) {
  const key = `get-4k/object-${Math.floor(Math.random() * OBJECTS)}`;
  const get = http.get(`${BASE}/${data.bucket}/${key}`, { responseType: 'binary', tags: { op: 'GET' } });
  check(get, {
    'GET 200': (r) => r.status === 200,
    'GET 4 KiB back': (r) => r.body && r.body.byteLength === SIZE,
  });
}

export function teardown(data) {
  for (const id of data.rules) {
    http.del(`${RULES_API}/api/v1/rules/${id}`, null, { tags: { op: 'cleanup' } });
  }
  const deletes = [];
  for (let i = 0; i < OBJECTS; i++) {
    deletes.push(['DELETE', `${BASE}/${data.bucket}/get-4k/object-${i}`, null, { tags: { op: 'cleanup' } }]);
  }
  http.batch(deletes);
  http.del(`${BASE}/${data.bucket}`, null, { tags: { op: 'cleanup' } });
}
