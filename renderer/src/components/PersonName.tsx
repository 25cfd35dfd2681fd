/**
 * A person's name as written (any script, its own direction), with the Latin-letter spelling in
 * brackets only when it differs: "Zoltán Kovács", never "Zoltán Kovács (Zoltán Kovács)".
 */
export function PersonName({ asWritten, latin }: { asWritten: string; latin: string }) {
  return (
    <>
      <span dir="auto">{asWritten}</span>
      {latin !== asWritten && <span className="latin"> ({latin})</span>}
    </>
  );
}
