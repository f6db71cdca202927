/** Count the event loop's turns (one setImmediate each) until `stop()`, which returns the count (`now()`: so far). */
export function countTurns(): { stop: () => number; now: () => number } {
  let turns = 0;
  let on = true;
  const tick = () => {
    turns++;
    if (on) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    now: () => turns,
    stop: () => {
      on = false;
      return turns;
    },
  };
}
