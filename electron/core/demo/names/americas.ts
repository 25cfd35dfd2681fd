import { same } from './types';
import type { NameCulture } from './types';

/** Mexico and Colombia: given name(s), then father's and mother's first surnames (José Ramírez Núñez). */
export const spanish: NameCulture = {
  male: same('José', 'Juan Carlos', 'Luis', 'Jesús', 'Miguel Ángel', 'Andrés', 'Jorge', 'Óscar', 'Alejandro', 'Héctor', 'Julián', 'Sebastián', 'Ramón', 'Iñaki', 'Raúl'),
  female: same('María Fernanda', 'Guadalupe', 'Ana María', 'Verónica', 'Sofía', 'Lucía', 'Mónica', 'Beatriz', 'María José', 'Ximena', 'Rocío', 'Yésica', 'Leticia', 'Natalia', 'Dolores'),
  surnames: same('Ramírez', 'Núñez', 'García', 'Hernández', 'Martínez', 'López', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Gómez', 'Díaz', 'Muñoz', 'Peña', 'Castaño', 'Ordóñez', 'Jiménez', 'Velásquez', 'Ibáñez', 'Cortés'),
  lineage: 'spanish',
  depth: 2,
  familyFirst: false,
  joinWritten: ' ',
  oneWordShare: 0,
};

/** Haiti: French spellings, hyphenated given and family names (Jean-Baptiste, Marie-Carmel). */
export const haitian: NameCulture = {
  male: same('Jean-Baptiste', 'Jean-Claude', 'Pierre', 'Joseph', 'Mackenson', 'Wilner', 'Frantz', 'Jean-Robert', 'Ernst', 'Réginald', 'Lucner', 'Dieudonné'),
  female: same('Marie-Carmel', 'Guerline', 'Nadège', 'Widline', 'Lovely', 'Marie-Thérèse', 'Rose-Andrée', 'Fabienne', 'Mirlande', 'Roseline', 'Édith', 'Nathalie'),
  surnames: same('Jean-Baptiste', 'Pierre-Louis', 'Saint-Fleur', 'Desrosiers', 'Augustin', 'Dorvil', 'Célestin', 'Théodore', 'Louis-Jeune', 'Joseph', 'Étienne', 'Fils-Aimé', 'Bélizaire', 'Noël'),
  lineage: 'paternal',
  depth: 1,
  familyFirst: false,
  joinWritten: ' ',
  oneWordShare: 0,
};
