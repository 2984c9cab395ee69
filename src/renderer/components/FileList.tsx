import { useTranslation } from 'react-i18next';
import type { ImportFileInfo } from '../../shared/ipc/channels/handover';
import { formatDateTime } from '../app/format';
import { usePrefs } from '../app/prefs-context';
import { formatSize } from '../features/cases/casework/format-size';
import { ActionButton } from './Buttons';

/** The files main listed (preview): a name, size and time each, chosen by name. */
export function FileList({
  files,
  onPick,
  testId,
}: {
  files: readonly ImportFileInfo[];
  onPick: (name: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  if (files.length === 0)
    return (
      <p className="muted" data-testid={testId}>
        {t('handover.files.none')}
      </p>
    );
  return (
    <ul className="file-list" data-testid={testId}>
      {files.map((f) => (
        <li key={f.name}>
          <ActionButton onClick={() => onPick(f.name)}>{f.name}</ActionButton>{' '}
          <span className="muted small">
            {formatSize(f.bytes, uiLanguage)} · {formatDateTime(f.modifiedAt, uiLanguage)}
          </span>
        </li>
      ))}
    </ul>
  );
}
