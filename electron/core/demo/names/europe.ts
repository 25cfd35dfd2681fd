import { same } from './types';
import type { NameCulture, NamePart } from './types';

/**
 * Hungary: many AVRR claimants were Roma. Family name first, as Hungarians write it
 * (Kovács Zoltán). Surnames common among Hungarian Roma and Hungarians in general.
 */
export const hungarian: NameCulture = {
  male: same('Zoltán', 'László', 'István', 'Gábor', 'József', 'Attila', 'Tibor', 'Sándor', 'Béla', 'Ferenc', 'János', 'Csaba', 'Norbert', 'Róbert', 'Dániel'),
  female: same('Éva', 'Erzsébet', 'Katalin', 'Mónika', 'Renáta', 'Krisztina', 'Zsófia', 'Anikó', 'Ildikó', 'Szilvia', 'Tünde', 'Margit', 'Gyöngyi', 'Jázmin', 'Vivien'),
  surnames: same('Kovács', 'Horváth', 'Lakatos', 'Balogh', 'Rácz', 'Oláh', 'Sárközi', 'Farkas', 'Szőke', 'Nagy', 'Kolompár', 'Orsós', 'Radics', 'Danyi', 'Csonka', 'Fekete', 'Kiss', 'Tóth', 'Szűcs', 'Győri'),
  lineage: 'paternal',
  depth: 1,
  familyFirst: true,
  joinWritten: ' ',
  oneWordShare: 0,
};

/** Czech and Slovak family names take -ová (or -á for adjectival names) for women. */
function slavicFeminine(s: NamePart): NamePart {
  const f = s.w.endsWith('ý') ? `${s.w.slice(0, -1)}á` : s.w.endsWith('a') ? `${s.w.slice(0, -1)}ová` : `${s.w}ová`;
  return { w: f, l: f };
}

/** Czech Republic and Slovakia, also largely Roma claimants. Given name first. */
export const czechSlovak: NameCulture = {
  male: same('Dušan', 'Jiří', 'Marek', 'Tomáš', 'Pavel', 'Ladislav', 'Milan', 'Rudolf', 'Štefan', 'Jozef', 'Miroslav', 'Zdeněk'),
  female: same('Lucie', 'Jana', 'Monika', 'Věra', 'Zuzana', 'Alžběta', 'Denisa', 'Renáta', 'Markéta', 'Helena', 'Simona', 'Kateřina'),
  surnames: same('Horváth', 'Demeter', 'Kováč', 'Lakatoš', 'Dužda', 'Balog', 'Červeňák', 'Gabčo', 'Novotný', 'Dvořák', 'Mirga', 'Oláh'),
  lineage: 'paternal',
  depth: 1,
  familyFirst: false,
  joinWritten: ' ',
  oneWordShare: 0,
  feminine: slavicFeminine,
};
