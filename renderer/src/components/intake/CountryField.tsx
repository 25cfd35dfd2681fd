import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { countryName, countryOptions } from '../../../../shared/countries';
import { useLang } from '../../lang';
import { TextField } from '../form/TextField';
import type { IntakePath, IntakeValues } from '../form/types';

/**
 * A country as its ISO 3166 code, chosen from the list of countries named in the UI language
 * (typing "Hong" or "HUN" both find Hungary); the name of the code typed shows under the box.
 * `nationality` adds ICAO's codes for stateless persons and refugees.
 */
export function CountryField(props: { name: IntakePath; label: string; hint: string; kind: 'country' | 'nationality'; nullable?: boolean; className?: string }) {
  const lang = useLang();
  const options = useMemo(() => countryOptions(lang, props.kind).map((o) => ({ value: o.code, label: o.name })), [lang, props.kind]);
  const value: unknown = useWatch<IntakeValues>({ name: props.name });
  const name = typeof value === 'string' && value.length === 3 ? countryName(value.toUpperCase(), lang) : null;
  return (
    <div className={props.className}>
      <TextField name={props.name} label={props.label} hint={props.hint} upper options={options} {...(props.nullable ? { nullable: true } : {})} />
      {name && (
        <p className="hint country-name" aria-live="polite">
          {name}
        </p>
      )}
    </div>
  );
}
