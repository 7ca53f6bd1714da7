import { useCallback, useEffect, useState } from 'react';

export type Notice = { text: string; undo?: () => void; isError?: boolean };

const NOTICE_MS = 6000;

/** The viewer's one notice; it goes by itself after a while, unless it reports an error. */
export function useNotice() {
  const [notice, setNotice] = useState<Notice>();
  const dismissNotice = useCallback(() => setNotice(undefined), []);

  useEffect(() => {
    if (!notice || notice.isError) return;
    const timer = window.setTimeout(() => setNotice(undefined), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);

  return { notice, setNotice, dismissNotice };
}
