// large-object: one PUT of a 1 GiB object, then one GET of it, reporting MiB/s each way.
// k6 cannot generate a request body as it sends it, so the body is a file read at start (it sits in
// k6's memory); make it once:
//   head -c 1G /dev/urandom > /tmp/mocks3-large-object.bin
//   k6 run load-tests/k6/large-object.js
//   LARGE_FILE=/tmp/other.bin MOCKS3_URL=http://127.0.0.1:9000 k6 run load-tests/k6/large-object.js
// The GET body is discarded as it arrives; integrity is checked by length and by the ETag (the
// MD5 S3 returns). The Java runner (load-tests/run.sh) also hashes every byte it reads back.
import http from 'k6/http';
import { check } from 'k6';
import crypto from 'k6/crypto';
import { Trend } from 'k6/metrics';
import { createBucket, loopbackOnly } from './common.js';

const BASE = loopbackOnly(__ENV.MOCKS3_URL || 'http://localhost:8080');
const BUCKET = __ENV.BUCKET || `mocks3-k6-large-${Date.now()}`;
const KEY = 'large-object/object.bin';
const DATA = open(__ENV.LARGE_FILE || '/tmp/mocks3-large-object.bin', 'b');
const MIB = 1024 * 1024;

const putMibPerSecond = new Trend('put_mib_per_s');
const getMibPerSecond = new Trend('get_mib_per_s');

export const options = {
  scenarios: {
    large: { executor: 'shared-iterations', vus: 1, iterations: 1, maxDuration: '30m' },
  },
  summaryTrendStats: ['avg', 'min', 'max'],
  thresholds: {
    checks: ['rate==1'],
    put_mib_per_s: ['avg>0'],
    get_mib_per_s: ['avg>0'],
  },
};

export function setup() {
  createBucket(BASE, BUCKET);
  return { bucket: BUCKET, md5: crypto.md5(DATA, 'hex') };
}

export default function (data) {
  const url = `${BASE}/${data.bucket}/${KEY}`;
  const size = DATA.byteLength;
  const params = { headers: { 'Content-Type': 'application/octet-stream' }, timeout: '30m' };

  const put = http.put(url, DATA, params);
  check(put, {
    'PUT 200': (r) => r.status === 200,
    'PUT ETag is the MD5 of the body': (r) => (r.headers.Etag || '').replace(/"/g, '') === data.md5,
  });
  putMibPerSecond.add(size / MIB / (put.timings.duration / 1000));

  const get = http.get(url, { responseType: 'none', timeout: '30m' });
  check(get, {
    'GET 200': (r) => r.status === 200,
    'GET length': (r) => Number(r.headers['Content-Length']) === size,
    'GET ETag is the MD5 of the body': (r) => (r.headers.Etag || '').replace(/"/g, '') === data.md5,
  });
  getMibPerSecond.add(size / MIB / (get.timings.duration / 1000));
}

export function teardown(data) {
  http.del(`${BASE}/${data.bucket}/${KEY}`);
  http.del(`${BASE}/${data.bucket}`);
}
