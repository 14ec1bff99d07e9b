import { describe, expect, it } from 'vitest';
import { parsePlanDate } from '../src/domain/plan-date.js';

const interval = (text: string) => {
  const d = parsePlanDate(text);
  return [d.earliest, d.latest, d.precision, d.bound];
};

describe('stated plan dates', () => {
  it('reads months, days, seasons and years as intervals', () => {
    expect(interval('March 2024')).toEqual(['2024-03-01', '2024-03-31', 'MONTH', 'WITHIN']);
    expect(interval('February 2024')).toEqual(['2024-02-01', '2024-02-29', 'MONTH', 'WITHIN']);
    expect(interval('20 July 2023')).toEqual(['2023-07-20', '2023-07-20', 'DAY', 'WITHIN']);
    expect(interval('10th March 2025')).toEqual(['2025-03-10', '2025-03-10', 'DAY', 'WITHIN']);
    expect(interval('Spring 2025')).toEqual(['2025-03-01', '2025-05-31', 'SEASON', 'WITHIN']);
    expect(interval('Winter 2024')).toEqual(['2024-12-01', '2025-02-28', 'SEASON', 'WITHIN']);
    expect(interval('2025')).toEqual(['2025-01-01', '2025-12-31', 'YEAR', 'WITHIN']);
  });

  it('reads period ends the way the plan itself equates them', () => {
    expect(interval('end of 2024')).toEqual(['2024-12-01', '2024-12-31', 'MONTH', 'WITHIN']);
    expect(interval('end of 2023-24')).toEqual(['2024-03-01', '2024-03-31', 'MONTH', 'WITHIN']);
    expect(interval('end of January 2025')).toEqual(['2025-01-01', '2025-01-31', 'MONTH', 'WITHIN']);
  });

  it('keeps "by" dates open at the start', () => {
    expect(interval('by June 2025')).toEqual([null, '2025-06-30', 'MONTH', 'BY']);
  });

  it('records completion claims with or without a date', () => {
    expect(parsePlanDate('Completed')).toMatchObject({ completed: true, ongoing: false, latest: null });
    expect(parsePlanDate('Completed and ongoing')).toMatchObject({ completed: true, ongoing: true, latest: null });
    expect(parsePlanDate('Completed November 2024')).toMatchObject({ completed: true, earliest: '2024-11-01', latest: '2024-11-30' });
  });

  it('keeps the words and invents nothing for text it cannot read', () => {
    const d = parsePlanDate('early next year');
    expect(d).toEqual({
      text: 'early next year',
      earliest: null,
      latest: null,
      precision: null,
      bound: null,
      completed: false,
      ongoing: false,
    });
  });
});
