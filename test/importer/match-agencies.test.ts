/** Owners and addressees matched to known roles and agencies, and what happens to those that match none. */
import { describe, expect, it } from 'vitest';
import { matchAgencies, matchOwners } from '../../src/importer/match-agencies.js';
import type { Verbatim } from '../../src/importer/types.js';
import { directory } from './support/load.js';

/** A value at offset 100 of some text, so spans are checked against a non-zero start. */
const at = (value: string, start = 100): Verbatim => ({ value, start, end: start + value.length });

describe('owners', () => {
  it('matches a role title exactly, or written with other case, spacing, "&" or quote marks', () => {
    for (const title of [
      'Deputy Director Joint Extremism Unit (JEXU)',
      'deputy director  joint extremism unit (JEXU)',
      ' Deputy Director Joint Extremism Unit (JEXU) ',
    ]) {
      expect(matchOwners([at(title)], directory).map((o) => [o.role, o.match])).toEqual([['dd-jexu', 'ROLE']]);
    }
    expect(matchOwners([at('SRO CT Assessment and Rehabilitation Centre (CTARC)')], directory).map((o) => o.role)).toEqual(['sro-ctarc']);
  });

  it('finds several roles run together in one cell, each with its own span', () => {
    const cell = at('SRO MAPPS Programme T/Det Supt CT Nominal Management Deputy Director Joint Extremism Unit (JEXU)');
    const owners = matchOwners([cell], directory);
    expect(owners.map((o) => [o.role, o.agency])).toEqual([
      ['sro-mapps', 'home-office'],
      ['det-supt-ctnm', 'ct-nominal-management'],
      ['dd-jexu', 'jexu'],
    ]);
    for (const o of owners) expect(cell.value.slice(o.text[0].start - cell.start, o.text[0].end - cell.start)).toBe(o.text[0].value);
  });

  it('reads an owner cell split by a page break as one title, keeping both parts', () => {
    const owners = matchOwners([at('T/Det Supt', 10), at('CT Nominal Management', 50)], directory);
    expect(owners.map((o) => [o.role, o.title, o.text.map((t) => t.value)])).toEqual([
      ['det-supt-ctnm', 'T/Det Supt CT Nominal Management', ['T/Det Supt', 'CT Nominal Management']],
    ]);
  });

  it('never merges an unknown owner into the nearest role: it suggests it and proposes a new one', () => {
    const [o] = matchOwners([at('Deputy Director Joint Extremist Unit')], directory);
    expect(o.role).toBeNull();
    expect(o.match).toBe('UNKNOWN');
    expect(o.nearestRole).toMatchObject({ slug: 'dd-jexu' });
    expect(o.nearestRole!.score).toBeGreaterThan(0.8);
    expect(o.proposedRole).toMatchObject({ slug: 'deputy-director-joint-extremist-unit', title: 'Deputy Director Joint Extremist Unit' });
  });

  it('places an unknown owner in the agency its title names', () => {
    const [o] = matchOwners([at('Head of Digital, HM Prison Service')], directory);
    expect([o.role, o.match, o.agency, o.proposedRole?.agency, o.proposedRole?.agencyBasis]).toEqual([
      null,
      'AGENCY_NAMED',
      'prison-service',
      'prison-service',
      'NAMED',
    ]);
  });

  it('reports what is left of a cell beside a known role as an owner of its own', () => {
    const owners = matchOwners([at('Probation Director National Security Division and Head of Analysis')], directory);
    expect(owners.map((o) => [o.role, o.title])).toEqual([
      ['pd-nsd', 'Probation Director National Security Division'],
      [null, 'and Head of Analysis'],
    ]);
  });
});

describe('addressee headings', () => {
  const agencies = (heading: string) => matchAgencies(at(heading), directory).map((m) => [m.agency, m.by]);

  it('names each agency once, by its longest name', () => {
    expect(agencies("His Majesty's Prison and Probation Service should:")).toEqual([['hmpps', 'NAME']]);
    expect(agencies('The Home Office and Ministry of Justice should:')).toEqual([
      ['home-office', 'NAME'],
      ['moj', 'NAME'],
    ]);
    expect(agencies('The Prison Service should:')).toEqual([['prison-service', 'ALIAS']]);
    expect(agencies('The Probation Service should:')).toEqual([['probation-service', 'NAME']]);
  });

  it('matches abbreviations only as written, and only as whole words', () => {
    expect(agencies('Actions for CTP and the NSD')).toEqual([
      ['ct-policing', 'ABBREVIATION'],
      ['nsd', 'ABBREVIATION'],
    ]);
    expect(agencies('a ctp nsd insider')).toEqual([]);
  });
});
