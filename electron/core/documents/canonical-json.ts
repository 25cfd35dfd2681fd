/**
 * Canonical JSON: object keys sorted by UTF-16 code unit order (JavaScript's default sort, the
 * same order as RFC 8785 JCS), no whitespace, strings NFC-normalised, `undefined` members
 * left out. Numbers use JavaScript's shortest round-trip form, as JCS does. Anyone holding the
 * same data can rebuild the same bytes in any language.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON: non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON: unsupported ${typeof value}`);
}
