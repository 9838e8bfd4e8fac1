// The canary scanner: reads every file under the given folders, unpacking zip archives (traces,
// blob reports) and the base64 zip the HTML report embeds, and reports any secret it finds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { CANARY_SHAPE } from './secrets.js';

export interface Leak {
  file: string;
  /** What matched (never the secret itself). */
  kind: string;
  /** A short masked excerpt around the match. */
  excerpt: string;
}

const JWT = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/;
const DEFUSE = /def50200[0-9a-f]{24,}/i;

/** Entries of a zip archive (stored or deflated), by name. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count && p + 46 <= buf.length; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) break;
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const lNameLen = buf.readUInt16LE(local + 26);
    const lExtraLen = buf.readUInt16LE(local + 28);
    const start = local + 30 + lNameLen + lExtraLen;
    const data = buf.subarray(start, start + csize);
    try {
      out.set(name, method === 0 ? Buffer.from(data) : method === 8 ? inflateRawSync(data) : Buffer.alloc(0));
    } catch {
      out.set(name, Buffer.alloc(0));
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function isZip(buf: Buffer): boolean {
  return buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;
}

/** Texts inside a file: itself, zip entries, and base64 zips embedded in HTML/JS. */
export function texts(name: string, buf: Buffer, depth = 0): { name: string; text: string }[] {
  if (depth > 3) return [];
  if (isZip(buf)) return [...unzip(buf)].flatMap(([n, b]) => texts(`${name}!${n}`, b, depth + 1));
  const text = buf.toString('utf8');
  const out = [{ name, text }];
  for (const m of text.matchAll(/base64,([A-Za-z0-9+/=]{200,})/g)) {
    const inner = Buffer.from(m[1]!, 'base64');
    out.push(...texts(`${name}!base64`, inner, depth + 1));
  }
  return out;
}

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = path.join(dir, e);
    const st = statSync(p);
    return st.isDirectory() ? walk(p) : st.isFile() ? [p] : [];
  });
}

function excerpt(text: string, index: number, len: number): string {
  const s = Math.max(0, index - 30);
  return `${text.slice(s, index).replace(/\s+/g, ' ')}[…${len} chars…]${text.slice(index + len, index + len + 20).replace(/\s+/g, ' ')}`;
}

/** Scans folders for known secrets (exact values), canary-shaped values and token shapes. */
export function scanForSecrets(dirs: readonly string[], known: readonly string[] = [], opts: { shapes?: boolean } = {}): Leak[] {
  const leaks: Leak[] = [];
  const shapes = opts.shapes ?? true;
  for (const dir of dirs) {
    for (const file of walk(dir)) {
      for (const { name, text } of texts(file, readFileSync(file))) {
        for (const secret of known) {
          const i = secret.length >= 6 ? text.indexOf(secret) : -1;
          if (i >= 0) leaks.push({ file: name, kind: 'registered secret', excerpt: excerpt(text, i, secret.length) });
        }
        const canary = new RegExp(CANARY_SHAPE.source).exec(text);
        if (canary) leaks.push({ file: name, kind: 'canary credential', excerpt: excerpt(text, canary.index, canary[0].length) });
        if (shapes) {
          const jwt = JWT.exec(text);
          if (jwt) leaks.push({ file: name, kind: 'JWT-shaped string', excerpt: excerpt(text, jwt.index, jwt[0].length) });
          const opaque = DEFUSE.exec(text);
          if (opaque) leaks.push({ file: name, kind: 'refresh-token-shaped string', excerpt: excerpt(text, opaque.index, opaque[0].length) });
        }
      }
    }
  }
  return leaks;
}
