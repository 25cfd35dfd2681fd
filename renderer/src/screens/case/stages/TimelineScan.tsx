import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../../../../../shared/schema/attachments';
import { ShortHash } from '../../../components/Sha256';

/**
 * The whole SHA-256, folded away, to read or copy with the keyboard: a read-only field that
 * selects itself on focus, so Ctrl+C copies it (no clipboard permission needed; none is granted
 * in Electron).
 */
function FullHash({ sha256 }: { sha256: string }) {
  const { t } = useTranslation();
  return (
    <details className="hash-details">
      <summary>{t('stages.timeline.hashShow')}</summary>
      <input
        readOnly
        className="hash-full"
        value={sha256}
        aria-label={t('stages.timeline.hashFull', { hash: sha256.slice(0, 16) })}
        title={t('stages.timeline.hashCopy')}
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
      />
    </details>
  );
}

/**
 * A scan on the timeline, named as the packet and the history name it: its kind and SHA-256,
 * who added it (and the day, when it stands beside an entry dated otherwise). Never its file
 * name (the officer's computer chose it) nor its content: this is the same for every reader of
 * the case; opening a scan stays with the attachments panel and attachment.view.
 */
export function TimelineScan({ scan, addedOn }: { scan: AttachmentInfo; addedOn: string | null }) {
  const { t } = useTranslation();
  const kind = t(`attachments.kind.${scan.kind}`);
  return (
    <>
      <strong>{addedOn === null ? t('stages.timeline.scanAdded', { kind }) : t('stages.timeline.scanOfEntry', { kind })}</strong>
      <p>
        {addedOn === null ? t('stages.timeline.scanBy', { who: scan.addedBy }) : t('stages.timeline.scanOn', { date: addedOn, who: scan.addedBy })}
        {' · '}
        <span className="scan-hash">
          {t('stages.timeline.hash')} <ShortHash sha256={scan.sha256} />
        </span>
      </p>
      <FullHash sha256={scan.sha256} />
    </>
  );
}
