import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { Control } from 'react-hook-form';
import { isRealIsoDate, uci as uciSchema } from '../../../shared/schema/common';
import type { IntakeValues } from '../components/form/types';
import { call } from '../ipc';

interface Query {
  uci?: string;
  nameAsWritten?: string;
  nameLatin?: string;
  dateOfBirth?: string;
  /** The person being entered: the pairs recorded as not the same person are not offered. */
  personId?: string;
}

/**
 * People already in the database who may be the principal being entered: asked as soon as a
 * UCI, or a name with a date of birth, is filled in (after a short pause in typing).
 */
export function useDuplicateCheck(control: Control<IntakeValues>, excludeCaseId?: string) {
  const [written, latin, dob, uci, personId] = useWatch({ control, name: ['persons.0.nameAsWritten', 'persons.0.nameLatin', 'persons.0.dateOfBirth', 'persons.0.uci', 'persons.0.id'] });
  const [query, setQuery] = useState<Query | null>(null);
  useEffect(() => {
    const q: Query = {};
    const u = uciSchema.safeParse(uci ?? '');
    if (u.success) q.uci = u.data;
    if (typeof dob === 'string' && isRealIsoDate(dob) && ((written ?? '').trim() || (latin ?? '').trim())) {
      q.dateOfBirth = dob;
      if ((written ?? '').trim()) q.nameAsWritten = written.trim();
      if ((latin ?? '').trim()) q.nameLatin = latin.trim();
    }
    if (personId) q.personId = personId;
    const next = q.uci || q.dateOfBirth ? q : null;
    const timer = setTimeout(() => setQuery(next), 300);
    return () => clearTimeout(timer);
  }, [written, latin, dob, uci, personId]);
  const result = useQuery({
    queryKey: ['duplicates', query, excludeCaseId],
    queryFn: () => call('case.findDuplicates', { ...query, ...(excludeCaseId ? { excludeCaseId } : {}) }),
    enabled: query !== null,
    staleTime: 10_000,
  });
  return query ? (result.data ?? []) : [];
}
