// The service worker caches a list of files for offline use; a file of the page missing from
// it would be fetched from the network and fail offline. Every file under www/ (the built
// pkg/ included: run scripts/build first) must be in the list, and every entry must exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('../../www/', import.meta.url));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path.slice(www.length)];
  });
}

test("every file of www/ is in the service worker's list, and every entry exists", () => {
  const sw = readFileSync(join(www, 'sw.js'), 'utf8');
  const list = sw.slice(sw.indexOf('const FILES = ['), sw.indexOf('];', sw.indexOf('const FILES = [')));
  const cached = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]).filter((f) => f !== './');
  const all = files(www).filter((f) => f !== 'sw.js');
  assert.ok(all.includes('pkg/zhreport_bg.wasm'), 'the page is built (scripts/build)');
  assert.deepEqual(all.filter((f) => !cached.includes(f)), [], 'files the worker does not cache');
  assert.deepEqual(cached.filter((f) => !existsSync(join(www, f))), [], 'entries with no file');
});
