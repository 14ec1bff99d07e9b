/**
 * A minimal typed client, as teams generating clients from the schema would write one: the
 * generated documents carry their result and variable types, so every answer below is typed.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export async function request<Result, Variables>(
  origin: string,
  document: TypedDocumentNode<Result, Variables>,
  variables?: Variables,
  headers: Record<string, string> = {},
): Promise<Result> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('\n'));
  return body.data!;
}
