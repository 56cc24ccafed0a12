import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { decodeWorkspace, encodeWorkspace, type DecodeResult } from './codec';
import { fatal } from './problems';
import type { Workspace } from './workspace';

/**
 * A share link carries the whole workspace in its fragment (`#…`), which browsers never send to
 * a server: `s1.` + base64url(deflate(the codec's JSON)). The prefix names this packing, the JSON
 * inside carries the workspace version, so either can change without the other.
 */
export const SHARE_FRAGMENT_PREFIX = 's1.';

/** Past this, a link is too long for most blog platforms and chat apps: the Share dialog warns. */
export const LONG_LINK_LENGTH = 8 * 1024;

// A link is untrusted input: a fragment this long is refused unread, and no fragment may inflate
// past MAX_INFLATED_BYTES (a "zip bomb" of a few KB would otherwise claim gigabytes).
const MAX_FRAGMENT_LENGTH = 256 * 1024;
const MAX_INFLATED_BYTES = 4 * 1024 * 1024;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A workspace → the fragment of a share link (without the `#`). */
export function encodeShareFragment(workspace: Workspace): string {
  return SHARE_FRAGMENT_PREFIX + toBase64Url(deflateSync(strToU8(encodeWorkspace(workspace)), { level: 9 }));
}

/** Whether a URL fragment (without the `#`) looks like a share link at all. */
export function isShareFragment(fragment: string): boolean {
  return fragment.startsWith(SHARE_FRAGMENT_PREFIX);
}

/**
 * The fragment of a share link → the workspace it carries. Never throws: a truncated, garbled,
 * foreign or hostile fragment comes back as a fatal problem whose message says what is wrong.
 */
export function decodeShareFragment(fragment: string): DecodeResult {
  const refuse = (message: string): DecodeResult => ({ ok: false, problems: [fatal('WS-LINK-UNREADABLE', message)] });
  if (!isShareFragment(fragment))
    return refuse('The address ends in something that is not a Portolan link (it should start with #s1.).');
  if (fragment.length > MAX_FRAGMENT_LENGTH)
    return refuse(`The link is too long to open (${fragment.length} characters); open a .portolan.json file instead.`);
  const payload = fragment.slice(SHARE_FRAGMENT_PREFIX.length);
  if (!BASE64URL.test(payload) || payload.length % 4 === 1)
    return refuse('The link is damaged: it holds characters a Portolan link never has. Was it cut or edited?');
  let json: string;
  try {
    // A buffer one byte larger than allowed: filling it means the data is too big (fflate truncates, never grows it).
    const inflated = inflateSync(fromBase64Url(payload), { out: new Uint8Array(MAX_INFLATED_BYTES + 1) });
    if (inflated.length > MAX_INFLATED_BYTES)
      return refuse('The link unpacks to more than 4 MB; Portolan does not open it.');
    json = strFromU8(inflated);
  } catch {
    return refuse('The link is damaged and cannot be unpacked. Was it cut short when it was copied?');
  }
  return decodeWorkspace(json);
}
