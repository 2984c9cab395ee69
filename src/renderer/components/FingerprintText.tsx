import { Fragment } from 'react';

/**
 * A fingerprint (colon hex) that wraps only between bytes, never inside one, so it can be read out by
 * phone line by line: a break opportunity after each colon.
 */
export function FingerprintText({ value }: { value: string }) {
  const bytes = value.split(':');
  return (
    <>
      {bytes.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the bytes of one fixed string, in order
        <Fragment key={i}>
          {b}
          {i < bytes.length - 1 && (
            <>
              :<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
