/** Slugs: lower-case words joined by hyphens, at most 60 characters, cut between words. */
export function slugify(name: string): string {
  const full = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return full.length <= 60 ? full : full.slice(0, 61).replace(/-[^-]*$/, '');
}
