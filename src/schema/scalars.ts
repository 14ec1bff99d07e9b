import { DateResolver } from 'graphql-scalars';
import { builder } from './builder.js';

// A calendar date, serialised as YYYY-MM-DD.
builder.addScalarType('Date', DateResolver);
