/** A SHA-256 as people compare it by eye: its first 16 hex digits, the whole in the title. */
export function ShortHash({ sha256 }: { sha256: string }) {
  return (
    <code className="hash" title={sha256}>
      {sha256.slice(0, 16)}…
    </code>
  );
}
