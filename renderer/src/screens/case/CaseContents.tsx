import { useTranslation } from 'react-i18next';
import { goToHeading } from './case-parts';
import type { CasePart } from './case-parts';

const order = (key: string | null) => (key === '0' ? 10 : Number(key));

/**
 * "On this page": the case's parts as links, in page order, and the keyboard shortcuts that reach
 * them (with Ctrl+S to save), written out so nobody has to guess them.
 */
export function CaseContents({ parts, saveShortcut }: { parts: readonly CasePart[]; saveShortcut: boolean }) {
  const { t } = useTranslation();
  const links = parts.filter((p) => p.id !== 'outline');
  // Listed 1, 2, 3 … then 0, as on the keyboard.
  const keyed = parts.filter((p) => p.key !== null).sort((a, b) => order(a.key) - order(b.key));
  return (
    <>
      <nav aria-labelledby="case-outline-title" className="case-contents">
        <h2 id="case-outline-title" tabIndex={-1} className="small-heading">
          {t('caseLayout.onThisPage')}
        </h2>
        <ol>
          {links.map((p) => (
            <li key={p.id}>
              <a
                href={`#${p.heading}`}
                aria-keyshortcuts={p.key === null ? undefined : `Alt+${p.key}`}
                onClick={(e) => {
                  e.preventDefault();
                  goToHeading(p.heading);
                }}
              >
                {t(p.label)}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="case-shortcuts-title" className="case-shortcuts">
        <h2 id="case-shortcuts-title" className="small-heading">
          {t('caseLayout.shortcuts')}
        </h2>
        <dl>
          {keyed.map((p) => (
            <div key={p.id}>
              <dt>
                <kbd>Alt</kbd>+<kbd>{p.key}</kbd>
              </dt>
              <dd>{t(p.label)}</dd>
            </div>
          ))}
          {saveShortcut && (
            <div>
              <dt>
                <kbd>Ctrl</kbd>+<kbd>S</kbd>
              </dt>
              <dd>{t('case.save')}</dd>
            </div>
          )}
        </dl>
      </section>
    </>
  );
}
