/**
 * Whether a dependency puts a piece of work at risk: it does when the dependency is expected later
 * than the work's own target in force. Dates are compared by their latest days, and where either is
 * unknown the answer says so rather than guessing.
 */
import { isoDay } from './frame.js';

export type Risk = 'LATER_THAN_TARGET' | 'WITHIN_TARGET' | 'NO_DEPENDENCY_DATE' | 'NO_TARGET' | 'DEPENDENCY_COMPLETED' | 'WORK_CLOSED';

const CLOSED = new Set(['COMPLETED', 'SUPERSEDED', 'DECLINED', 'NOT_RECORDED']);

export interface RiskInput {
  dependency: { name: string; status: string; expected: { text: string; latest: Date | null } | null };
  work: { state: string; target: { text: string; latest: Date | null } | null };
}

export function riskOf({ dependency, work }: RiskInput): Risk {
  if (CLOSED.has(work.state)) return 'WORK_CLOSED';
  if (dependency.status === 'COMPLETED') return 'DEPENDENCY_COMPLETED';
  if (!dependency.expected?.latest) return 'NO_DEPENDENCY_DATE';
  if (!work.target?.latest) return 'NO_TARGET';
  return dependency.expected.latest > work.target.latest ? 'LATER_THAN_TARGET' : 'WITHIN_TARGET';
}

const day = (d: { text: string; latest: Date | null }) => `“${d.text}”${d.latest ? ` (to ${isoDay(d.latest)})` : ''}`;

export function explainRisk(input: RiskInput, risk: Risk): string {
  const { dependency: dep, work } = input;
  switch (risk) {
    case 'WORK_CLOSED':
      return `The work is ${work.state.toLowerCase().replace('_', ' ')}, so ${dep.name} no longer holds it up.`;
    case 'DEPENDENCY_COMPLETED':
      return `${dep.name} is reported completed.`;
    case 'NO_DEPENDENCY_DATE':
      return `No date is in force for ${dep.name}, so whether it comes in time cannot be told.`;
    case 'NO_TARGET':
      return `The work has no target date in force to compare with ${dep.name}’s ${day(dep.expected!)}.`;
    case 'LATER_THAN_TARGET':
      return `${dep.name} is expected ${day(dep.expected!)}, after the work’s target ${day(work.target!)}.`;
    case 'WITHIN_TARGET':
      return `${dep.name} is expected ${day(dep.expected!)}, within the work’s target ${day(work.target!)}.`;
  }
}
