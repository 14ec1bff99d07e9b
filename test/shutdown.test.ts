/** Graceful shutdown: requests already in flight finish; new connections are refused. */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { serveApp } from './support/app.js';

const { app } = serveApp();

describe('stopping the server', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    const url = new URL(`${app().url}/graphql`);
    const body = JSON.stringify({ query: '{ recommendations { totalCount } }' });
    // Send the headers and half the body, so the request is in flight when shutdown begins.
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (c) => (text += c))
          .on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 100));

    const stopped = app().stop();
    await new Promise((r) => setTimeout(r, 100));
    req.end(body.slice(10));

    expect(await response).toEqual({ status: 200, text: JSON.stringify({ data: { recommendations: { totalCount: 21 } } }) + '\n' });
    await stopped;
    await expect(fetch(`${app().url}/healthz`)).rejects.toThrow();
  });
});
