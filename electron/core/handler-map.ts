import { channelNames } from '../../shared/ipc/contract';
import type { Handlers } from './dispatch';

/**
 * The one handler map, put together from each area's part. A channel served by two parts is a
 * mistake (with an object spread one would silently win): it throws at start-up instead, and so
 * does a channel of the contract that no part serves.
 */
export function combineHandlers(...parts: readonly Partial<Handlers>[]): Handlers {
  const out: Partial<Handlers> = {};
  for (const part of parts) {
    for (const name of channelNames) {
      if (!Object.prototype.hasOwnProperty.call(part, name)) continue;
      if (Object.prototype.hasOwnProperty.call(out, name)) throw new Error(`handler map: channel ${name} is served twice`);
      Object.assign(out, { [name]: part[name] });
    }
    const unknown = Object.keys(part).filter((k) => !(channelNames as readonly string[]).includes(k));
    if (unknown.length > 0) throw new Error(`handler map: no such channel in the contract: ${unknown.join(', ')}`);
  }
  return complete(out);
}

function complete(map: Partial<Handlers>): Handlers {
  const missing = channelNames.filter((n) => !map[n]);
  if (missing.length > 0) throw new Error(`handler map: channels without a handler: ${missing.join(', ')}`);
  // Every channel is present (checked just above), each handler typed by its part.
  return map as Handlers;
}
