/**
 * Which frame each part of a request is answered in. `asOf(...)` registers a frame at its place in
 * the response; every field below it finds that frame by walking up its response path. Fields outside
 * any `asOf` are answered now.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Frame } from '../domain/frame.js';

type Path = GraphQLResolveInfo['path'];

const keyOf = (path: Path | undefined): string => {
  const keys: (string | number)[] = [];
  for (let p = path; p; p = p.prev) keys.push(p.key);
  return keys.reverse().join('.');
};

export class FrameRegistry {
  private readonly byPath = new Map<string, Frame>();

  constructor(readonly now: Frame) {}

  /** Sets the frame for everything below the field at `path`. */
  register(path: Path, frame: Frame): void {
    this.byPath.set(keyOf(path), frame);
  }

  /** The frame the field at `path` is answered in: the nearest registered ancestor's, else now. */
  frameAt(path: Path): Frame {
    if (this.byPath.size === 0) return this.now;
    for (let p: Path | undefined = path; p; p = p.prev) {
      const frame = this.byPath.get(keyOf(p));
      if (frame) return frame;
    }
    return this.now;
  }
}
