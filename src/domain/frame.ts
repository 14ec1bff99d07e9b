/**
 * A frame is the point in the record's history a question is asked at: "now", a date, or a reporting
 * round. What the record said then is what the rounds published by then said: a round belongs to a
 * frame when it was submitted on or before the frame's date. Within the inspection of a round-based
 * frame, round order decides instead, so two rounds submitted on one day stay distinct.
 */
export interface FrameRound {
  id: string;
  slug: string;
  label: string;
  inspectionId: string;
  sequence: number;
}

export interface Frame {
  /** The date statuses are judged at: today, the date asked for, or the round's submission date. */
  date: Date;
  /** Set when the frame is a reporting round. */
  round: FrameRound | null;
  /** False for "now": then every recorded round counts, whatever its date. */
  explicit: boolean;
  /** Identifies the frame within a request (loaders are cached per frame). */
  key: string;
}

/** A reporting round as far as frames are concerned. */
export interface RoundPoint {
  id: string;
  inspectionId: string;
  sequence: number;
  submittedLatest: Date | null;
}

const DAY_MS = 86_400_000;

/** Midnight UTC of the day `at` falls on: statuses are judged by calendar day. */
export const dayOf = (at: Date): Date => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

export const isoDay = (day: Date): string => day.toISOString().slice(0, 10);

export function nowFrame(today: Date): Frame {
  const date = dayOf(today);
  return { date, round: null, explicit: false, key: 'now' };
}

export function dateFrame(date: Date): Frame {
  const day = dayOf(date);
  return { date: day, round: null, explicit: true, key: `date:${isoDay(day)}` };
}

export function roundFrame(round: FrameRound, submittedLatest: Date): Frame {
  return { date: dayOf(submittedLatest), round, explicit: true, key: `round:${round.id}` };
}

/** Whether what `round` published is part of the record as `frame` sees it. */
export function inFrame(frame: Frame, round: RoundPoint): boolean {
  if (!frame.explicit) return true;
  if (frame.round && round.inspectionId === frame.round.inspectionId) return round.sequence <= frame.round.sequence;
  return round.submittedLatest !== null && round.submittedLatest.getTime() <= frame.date.getTime();
}
