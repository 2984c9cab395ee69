import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyError } from '../../../../shared/ipc/reply';
import { call } from '../../../app/call';
import { ErrorMessage } from '../../../components/ErrorMessage';

function bytesFromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const text = atob(b64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * One JPEG or PNG attachment shown in the page. The bytes come over the contract and live only in
 * this tab's memory as a blob: URL (the page's CSP allows blob: images, nothing remote); the URL is
 * revoked when the picture is closed or the page leaves. Nothing is written to disk.
 */
export function AttachmentPicture({
  attachmentId,
  fileName,
  onClose,
}: {
  attachmentId: string;
  fileName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void call('casework.attachments.image', { attachmentId }).then((reply) => {
      if (!live) return;
      if (!reply.ok) return setError(reply.error);
      made = URL.createObjectURL(
        new Blob([bytesFromBase64(reply.value.contentBase64)], { type: reply.value.mediaType }),
      );
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [attachmentId]);

  // Once there is something to see (or an error), the keyboard lands on the close button.
  useEffect(() => {
    if (url || error) closeRef.current?.focus();
  }, [url, error]);

  return (
    <figure className="attachment-picture" data-testid="attachment-picture">
      {!url && !error && <p role="status">{t('attachmentCopy.opening')}</p>}
      <ErrorMessage error={error} />
      {url && (
        <img
          src={url}
          alt={t('attachmentCopy.pictureAlt', { name: fileName })}
          data-testid="attachment-img"
        />
      )}
      <figcaption>
        <span className="file-name">{fileName}</span>
        <button
          type="button"
          className="secondary small-button"
          ref={closeRef}
          onClick={onClose}
          data-testid="attachment-picture-close"
        >
          {t('attachmentCopy.closePicture')}
        </button>
      </figcaption>
    </figure>
  );
}
