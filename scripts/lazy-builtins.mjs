// esbuild plugin for the startup-snapshot bundle (scripts/snapshot.mjs): every Node built-in
// module becomes a stand-in that loads the real module on first use.
//
// Why: `node --build-snapshot` can save only JavaScript state. Some built-ins create native
// state when they load (http2, tls, net: "Unknown external reference" or "global handle not
// serialized" at build time), and the gRPC server imports them at the top of its module. With the
// stand-in those top-level imports cost nothing; the real module is loaded at run time, by the
// first call that needs it (creating the server).
//
// The stand-in is a Proxy that knows the module's property names without loading it (taken from
// this Node at build time: the snapshot only runs on the Node that built it), so esbuild's ESM
// interop can enumerate it. One exception is served from a copy: http2.constants, plain data that
// code commonly reads at the top of a module (grpc-js does).
import http2 from 'node:http2';
import { builtinModules } from 'node:module';

const NAMES = builtinModules.filter((m) => !m.startsWith('_'));
const FILTER = new RegExp(`^(?:node:)?(${NAMES.map((n) => n.replace(/[/]/g, '\\/')).join('|')})$`);

/** Static values served without loading the module (plain data only). */
const COPIED = { http2: { constants: { ...http2.constants } } };

function standIn(name) {
  const keys = Object.getOwnPropertyNames(process.getBuiltinModule(`node:${name}`));
  return `'use strict';
const keys = new Set(${JSON.stringify(keys)});
const copied = ${JSON.stringify(COPIED[name] ?? {})};
let real;
const load = () => (real ??= process.getBuiltinModule(${JSON.stringify(`node:${name}`)}));
module.exports = new Proxy({}, {
  get(_, k) {
    // Asked by esbuild's interop helper; the real module is not an ES module either.
    if (k === '__esModule') return undefined;
    if (!real && typeof k === 'string' && Object.prototype.hasOwnProperty.call(copied, k)) return copied[k];
    return load()[k];
  },
  set(_, k, v) { load()[k] = v; return true; },
  has(_, k) { return real ? k in real : keys.has(k); },
  ownKeys() { return real ? Reflect.ownKeys(real) : [...keys]; },
  getOwnPropertyDescriptor(_, k) {
    if (real) {
      const d = Reflect.getOwnPropertyDescriptor(real, k);
      return d && { ...d, configurable: true };
    }
    return keys.has(k) ? { value: undefined, writable: true, enumerable: true, configurable: true } : undefined;
  },
});
`;
}

export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: FILTER }, (args) => ({ path: FILTER.exec(args.path)[1], namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: standIn(args.path), loader: 'js' }));
  },
};
