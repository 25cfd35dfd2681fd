import { arabic, dari, nigerian, somali, tigrinya } from './names/africa-middle-east';
import { haitian, spanish } from './names/americas';
import { chinese, punjabi, tamil, urdu, vietnamese } from './names/asia';
import { czechSlovak, hungarian } from './names/europe';
import type { NameCulture } from './names/types';

/**
 * Nationalities of demo principals and their weights. ILLUSTRATIVE, NOT CONFIRMED: public
 * reporting on the 2012-2015 pilot says Hungarian nationals (largely Roma) were the biggest
 * group, with Mexico, Colombia, China, Sri Lanka and South Asia well represented; the exact
 * shares are not in the seed documents. The weights only make the demo look like the caseload,
 * they are never used for any decision or report.
 */
export const demoNationalities: readonly (readonly [{ code: string; culture: NameCulture }, number])[] = [
  [{ code: 'HUN', culture: hungarian }, 28],
  [{ code: 'MEX', culture: spanish }, 9],
  [{ code: 'COL', culture: spanish }, 6],
  [{ code: 'CHN', culture: chinese }, 7],
  [{ code: 'LKA', culture: tamil }, 6],
  [{ code: 'IND', culture: punjabi }, 6],
  [{ code: 'PAK', culture: urdu }, 5],
  [{ code: 'NGA', culture: nigerian }, 5],
  [{ code: 'CZE', culture: czechSlovak }, 4],
  [{ code: 'SVK', culture: czechSlovak }, 3],
  [{ code: 'HTI', culture: haitian }, 4],
  [{ code: 'IRQ', culture: arabic }, 3],
  [{ code: 'SYR', culture: arabic }, 2],
  [{ code: 'SOM', culture: somali }, 3],
  [{ code: 'ERI', culture: tigrinya }, 2],
  [{ code: 'AFG', culture: dari }, 2],
  [{ code: 'VNM', culture: vietnamese }, 1],
];
