// What the k6 scenarios share: the loopback-only guard, the two concurrency levels, bucket set-up.
import http from 'k6/http';

/** The URL without a trailing slash; anything but a loopback address is refused. */
export function loopbackOnly(url) {
  const base = url.replace(/\/$/, '');
  if (!/^https?:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/.test(base)) {
    throw new Error(`refusing to load ${base}: only localhost, 127.0.0.0/8 or [::1] may be targeted`);
  }
  return base;
}

/** 16 virtual users for `seconds`, then (after a 10 s gap) 64 for as long. */
export function sixteenThenSixtyFour(seconds) {
  return {
    c16: { executor: 'constant-vus', vus: 16, duration: `${seconds}s`, gracefulStop: '5s' },
    c64: { executor: 'constant-vus', vus: 64, duration: `${seconds}s`, gracefulStop: '5s', startTime: `${seconds + 10}s` },
  };
}

/** Creates the bucket; one that exists and is ours is fine too. */
export function createBucket(base, bucket) {
  const res = http.put(`${base}/${bucket}`, null, { tags: { op: 'setup' } });
  if (res.status !== 200 && !(res.status === 409 && String(res.body).includes('BucketAlreadyOwnedByYou'))) {
    throw new Error(`CreateBucket ${bucket}: ${res.status} ${res.body}`);
  }
}
