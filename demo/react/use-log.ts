import { useState } from 'react';

/** A list of lines, newest last, and a function that adds one. */
export function useLog(): [string[], (line: string) => void] {
  const [lines, setLines] = useState<string[]>([]);
  return [lines, (line) => setLines((all) => [...all, line])];
}
