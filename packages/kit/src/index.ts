export { claimSlot, releaseSlot, claimedCount, slotClaimModel, type SlotClaim, type ClaimResult } from './store/slot-claims';
