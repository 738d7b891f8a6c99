import type { Clock } from '../clock.js';

/** A clock tests move by hand. */
export class TestClock implements Clock {
  private current: Date;
  constructor(start = new Date('2026-11-30T15:00:00Z')) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}
