/**
 * A stopwatch for a load's stages: each call records, under its name, the seconds since the previous
 * call (or since the timer was made), for the import summary.
 */
export function stageTimer(stages: Record<string, number>): (name: string) => void {
  let mark = Date.now();
  return (name) => {
    const now = Date.now();
    stages[name] = (now - mark) / 1000;
    mark = now;
  };
}
