import AsyncStorage from '@react-native-async-storage/async-storage';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';

/** The app's own text size, on top of the phone's: every font size is multiplied by it. */
export const TEXT_SIZES = [
  { scale: 1, label: 'Standard' },
  { scale: 1.25, label: 'Large' },
  { scale: 1.5, label: 'Largest' },
] as const;

export type TextScale = (typeof TEXT_SIZES)[number]['scale'];

const KEY = 'kith.textScale';

interface TextSizeValue {
  scale: TextScale;
  setScale: (scale: TextScale) => void;
}

const TextSizeContext = createContext<TextSizeValue>({ scale: 1, setScale: () => undefined });

function isTextScale(value: number): value is TextScale {
  return TEXT_SIZES.some((size) => size.scale === value);
}

export function TextSizeProvider({
  children,
  initialScale = 1,
}: {
  children: ReactNode;
  initialScale?: TextScale;
}) {
  const [scale, setScaleState] = useState<TextScale>(initialScale);

  useEffect(() => {
    void AsyncStorage.getItem(KEY).then((stored) => {
      const value = Number(stored);
      if (stored !== null && isTextScale(value)) setScaleState(value);
    });
  }, []);

  const setScale = useCallback((next: TextScale) => {
    setScaleState(next);
    void AsyncStorage.setItem(KEY, String(next));
  }, []);

  const value = useMemo(() => ({ scale, setScale }), [scale, setScale]);
  return <TextSizeContext.Provider value={value}>{children}</TextSizeContext.Provider>;
}

export function useTextSize(): TextSizeValue {
  return useContext(TextSizeContext);
}
