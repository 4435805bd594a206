/**
 * A clock the server reads instead of Date.now: tests move it forward (an escalation reminder coming due) and can
 * wait until the server has looked at it a few more times.
 */
export class MovableClock {
  /** Added to the real time. */
  offsetMs = 0;
  /** How often the server has read the clock. */
  reads = 0;

  readonly now = (): number => {
    this.reads++;
    return Date.now() + this.offsetMs;
  };
}
