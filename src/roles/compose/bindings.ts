import type { ComposePublishedPort } from '../../core/model/topology';

/**
 * How a published binding reads on a door and in the inspector: `0.0.0.0:8080`,
 * `127.0.0.1:5432`, `[::1]:80`, `0.0.0.0:8000-8010`, `0.0.0.0:(any free)`.
 */
export function bindingAddress(binding: ComposePublishedPort): string {
  const ip = binding.hostIp ?? '0.0.0.0';
  const host = ip.includes(':') ? `[${ip}]` : ip;
  if (binding.published === undefined) return `${host}:(any free)`;
  const range = binding.publishedEnd !== undefined ? `-${binding.publishedEnd}` : '';
  return `${host}:${binding.published}${range}`;
}

/** `→ api:8080`, with the protocol when it is not TCP. */
export function bindingTarget(service: string, binding: ComposePublishedPort): string {
  const protocol = binding.protocol !== 'TCP' ? `/${binding.protocol.toLowerCase()}` : '';
  return `→ ${service}:${binding.target}${protocol}`;
}
