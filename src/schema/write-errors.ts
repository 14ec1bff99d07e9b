/**
 * The typed failures of writes. Every mutation returns its payload or one of these; each implements
 * `UserError`, so a client can handle any of them with one fragment and nothing was written.
 */
import { InvalidInputError, NotAuthorizedError, NotFoundError, VersionConflictError } from '../writes/errors.js';
import { recordOfType } from '../loaders/records.js';
import { builder } from './builder.js';

export const UserError = builder.interfaceRef<Error>('UserError').implement({
  description: 'A write that was refused. Nothing was written.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

builder.objectType(NotAuthorizedError, {
  name: 'NotAuthorized',
  interfaces: [UserError],
  description: 'The viewer may not do this: not signed in, or not for an agency owning the record, or not in a role that may.',
  fields: (t) => ({ signedIn: t.exposeBoolean('signedIn') }),
});

builder.objectType(NotFoundError, {
  name: 'NotFound',
  interfaces: [UserError],
  description: 'A record the input names does not exist.',
  fields: (t) => ({ id: t.exposeString('id', { description: 'The record id as given.' }) }),
});

const InputIssue = builder.objectRef<{ path: string; message: string }>('InputIssue').implement({
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Where in the input, e.g. "input.paragraphs.0".' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(InvalidInputError, {
  name: 'InvalidInput',
  interfaces: [UserError],
  description: 'The input breaks a rule (a date that cannot be read, text too long, a step that is not allowed).',
  fields: (t) => ({ issues: t.field({ type: [InputIssue], resolve: (e) => e.issues }) }),
});

builder.objectType(VersionConflictError, {
  name: 'VersionConflict',
  interfaces: [UserError],
  description: 'The record changed since it was read. Read the current state, then retry with its version.',
  fields: (t) => ({
    expectedVersion: t.exposeInt('expectedVersion', { description: 'The version the write carried.' }),
    currentVersion: t.exposeInt('currentVersion'),
    current: t.field({
      type: 'Node' as never,
      nullable: true,
      description: 'The record as it is now.',
      resolve: (e, _args, ctx) => recordOfType(ctx, e.subject.type, e.subject.id) as never,
    }),
  }),
});

/** The failures every write can meet. */
export const WRITE_ERRORS = [NotAuthorizedError, NotFoundError, InvalidInputError, VersionConflictError];
