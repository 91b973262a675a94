import { useEffect, useRef, useState } from 'react';

/** `value` at most once per `ms`; the latest value always shows in the end. */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef(0);
  useEffect(() => {
    const show = (): void => {
      lastAt.current = Date.now();
      setShown(value);
    };
    const wait = lastAt.current + ms - Date.now();
    if (wait <= 0) {
      show();
      return;
    }
    const t = setTimeout(show, wait);
    return () => clearTimeout(t);
  }, [value, ms]);
  return shown;
}
