import type { OutgoingEvent } from '../domain/outgoing-event';
import { profileFacts, restrictionFacts } from '../domain/profile.rules';
import type { Returnee } from '../domain/returnee';
import type { Milestone } from '../domain/returnee.types';
import {
  milestoneReachedV1,
  profilePublishedV1,
  restrictionsPublishedV1,
  returneeRegisteredV1,
  returneeTransferredV1,
} from '@hoanhap/contracts';

/**
 * The returnee events, built from the file. Each carries only what EVENTS.md allows: never the full name,
 * national ID, phone, address line, offence, sentence or grade (the privacy test reads every payload).
 */
export const returneeEvents = {
  /** The next profile revision; sections only while their consent is given. */
  profilePublished: (r: Returnee, today: string): OutgoingEvent => ({
    definition: profilePublishedV1,
    key: r.id,
    payload: { ...profileFacts(r, today), revision: r.profileRevision },
  }),
  restrictionsPublished: (r: Returnee): OutgoingEvent => ({
    definition: restrictionsPublishedV1,
    key: r.id,
    payload: { ...restrictionFacts(r), revision: r.restrictionsRevision },
  }),
  registered: (r: Returnee): OutgoingEvent => ({
    definition: returneeRegisteredV1,
    key: r.id,
    payload: {
      returneeId: r.id,
      provinceCode: r.address.provinceCode,
      communeCode: r.address.communeCode,
      releaseKind: r.releaseKind,
      releaseMonth: r.releaseDate.slice(0, 7),
      registeredAt: r.createdAt,
    },
  }),
  transferred: (r: Returnee, from: { provinceCode: string; communeCode: string }, at: string): OutgoingEvent => ({
    definition: returneeTransferredV1,
    key: r.id,
    payload: {
      returneeId: r.id,
      from: { provinceCode: from.provinceCode, communeCode: from.communeCode },
      to: { provinceCode: r.address.provinceCode, communeCode: r.address.communeCode },
      at,
    },
  }),
  milestoneReached: (r: Returnee, milestone: Milestone): OutgoingEvent => ({
    definition: milestoneReachedV1,
    key: r.id,
    payload: {
      returneeId: r.id,
      milestone: milestone.kind,
      on: milestone.on,
      provinceCode: r.address.provinceCode,
      communeCode: r.address.communeCode,
    },
  }),
};

/** A change that others see: bump the revision and publish the profile again. */
export function republishProfile(r: Returnee, today: string): { next: Returnee; event: OutgoingEvent } {
  const next = { ...r, profileRevision: r.profileRevision + 1 };
  return { next, event: returneeEvents.profilePublished(next, today) };
}

export function republishRestrictions(r: Returnee): { next: Returnee; event: OutgoingEvent } {
  const next = { ...r, restrictionsRevision: r.restrictionsRevision + 1 };
  return { next, event: returneeEvents.restrictionsPublished(next) };
}
