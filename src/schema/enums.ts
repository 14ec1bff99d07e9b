/** Enumerations shared by several types, taken from the Prisma schema so the two cannot drift. */
import {
  AgencyKind,
  DateBound,
  DatePrecision,
  DependencyKind,
  InspectorateRole,
  LinkBasis,
  NoteKind,
  ReasonCategory,
  ResponseValue,
  RoundKind,
  SourceKind,
  Status,
  SummaryLine,
} from '@prisma/client';
import { builder } from './builder.js';

export const AgencyKindEnum = builder.enumType(AgencyKind, { name: 'AgencyKind' });
export const SourceKindEnum = builder.enumType(SourceKind, { name: 'SourceKind' });
export const DatePrecisionEnum = builder.enumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How precisely a stated date pins down its interval ("March 2024" is MONTH, "Spring 2025" SEASON).',
});
export const DateBoundEnum = builder.enumType(DateBound, {
  name: 'DateBound',
  description: 'WITHIN: the event falls in [earliest, latest]. BY: no later than latest ("by June 2025").',
});
export const ResponseValueEnum = builder.enumType(ResponseValue, {
  name: 'ResponseValue',
  description: 'The response to a recommendation, as the action plan defines the terms.',
});
export const ReasonCategoryEnum = builder.enumType(ReasonCategory, {
  name: 'ReasonCategory',
  description: 'Why a recommendation was not fully agreed, in the categories the plan defines.',
});
export const SummaryLineEnum = builder.enumType(SummaryLine, { name: 'SummaryLine' });
export const RoundKindEnum = builder.enumType(RoundKind, { name: 'RoundKind' });
export const StatusEnum = builder.enumType(Status, {
  name: 'Status',
  description: 'The state a reporting round gave for a piece of work. NOT_STATED where the round gave none.',
});
export const DependencyKindEnum = builder.enumType(DependencyKind, { name: 'DependencyKind' });
export const NoteKindEnum = builder.enumType(NoteKind, {
  name: 'NoteKind',
  description:
    'GAP: the record is silent. INCONSISTENCY: it contradicts itself. AMBIGUITY: it can be read more than one way. ERRATUM: an evident slip in the text.',
});
export const InspectorateRoleEnum = builder.enumType(InspectorateRole, { name: 'InspectorateRole' });
export const LinkBasisEnum = builder.enumType(LinkBasis, { name: 'LinkBasis' });
