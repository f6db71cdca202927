/** Count the turns of the event loop (one setImmediate each) until `stop()`, which returns the count. */
export function countTurns(): { stop: () => number } {
  let turns = 0;
  let on = true;
  const tick = () => {
    turns++;
    if (on) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop: () => {
      on = false;
      return turns;
    },
  };
}
