import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { agencyKind } from '../../../shared/domain/settings';
import { SelectField } from '../../components/SelectField';

type AgencyKind = z.infer<typeof agencyKind>;

/** The kind of a receiving agency (shelter, police…), as the referral directory and agency keys name it. */
export function AgencyKindField({
  value,
  onChange,
  testId,
  error,
}: {
  value: AgencyKind;
  onChange: (kind: AgencyKind) => void;
  testId: string;
  error?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('admin.settings.contact.kind')}
      error={error}
      value={value}
      options={agencyKind.options.map((k) => ({ value: k, label: t(`admin.settings.kinds.${k}`) }))}
      onChange={onChange}
      testId={testId}
    />
  );
}
