/**
 * The UID of an entry (C-1): its key made into `kind-id@domain`, the same for life.
 *
 * @param key - `booking:b1`, `meeting:m1`, `action:m1:d1`
 * @param domain - the site's calendar domain
 * @returns the UID
 * @example
 * uidOf('booking:b1', 'huiyi.example') // => 'booking-b1@huiyi.example'
 */
export function uidOf(key: string, domain: string): string {
  const colon = key.indexOf(':');
  return `${key.slice(0, colon)}-${key.slice(colon + 1)}@${domain}`;
}

/**
 * The entry key of a UID this site wrote, if it is one.
 *
 * @param uid - a UID from a calendar file
 * @param domain - the site's calendar domain
 * @returns the key (`booking:b1`), or undefined for another tool's UID
 * @example
 * keyOfUid('meeting-m1@huiyi.example', 'huiyi.example') // => 'meeting:m1'
 */
export function keyOfUid(uid: string, domain: string): string | undefined {
  const m = /^(booking|meeting|action)-(\S+)@(.+)$/.exec(uid);
  return m !== null && m[3] === domain ? `${m[1]}:${m[2]}` : undefined;
}

/**
 * A person's calendar address in files the hub writes: `<id>@<domain>`, the id URI-encoded, so a
 * mail client's answer names them again.
 *
 * @param personId - the person's id
 * @param domain - the site's calendar domain
 * @returns the address without `mailto:`
 * @example
 * personAddress('wang', 'huiyi.example') // => 'wang@huiyi.example'
 */
export function personAddress(personId: string, domain: string): string {
  return `${encodeURIComponent(personId)}@${domain}`;
}

/**
 * The person an address names, if it is one of this site's.
 *
 * @param address - `mailto:wang@huiyi.example` or `wang@huiyi.example`, any case of `mailto:`
 * @param domain - the site's calendar domain
 * @returns the person's id, or undefined
 * @example
 * personOfAddress('MAILTO:wang@huiyi.example', 'huiyi.example') // => 'wang'
 */
export function personOfAddress(address: string, domain: string): string | undefined {
  const bare = address.replace(/^mailto:/i, '');
  const at = bare.lastIndexOf('@');
  if (at <= 0 || bare.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return undefined;
  try {
    return decodeURIComponent(bare.slice(0, at));
  } catch {
    return undefined;
  }
}
