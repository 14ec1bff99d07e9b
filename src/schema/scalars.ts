import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { builder } from './builder.js';

// A calendar date, serialised as YYYY-MM-DD.
builder.addScalarType('Date', DateResolver);
// An instant, serialised as an ISO 8601 timestamp with offset.
builder.addScalarType('DateTime', DateTimeResolver);
// What an audit event records as changed: any JSON value.
builder.addScalarType('JSON', JSONResolver);
