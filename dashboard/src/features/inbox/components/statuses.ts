import type { ReviewStatus } from '@/types/api';

/** The review statuses (model.review.ReviewStatus) in words, in the order the form offers them. */
export const STATUSES: { value: ReviewStatus; label: string }[] = [
  { value: 'needs_review', label: 'Needs review' },
  { value: 'needs_coaching', label: 'Needs coaching' },
  { value: 'coached', label: 'Coached' },
  { value: 'reviewed', label: 'Reviewed' },
  { value: 'dismissed', label: 'Dismissed (not the driver’s fault)' },
];

export const statusLabel = (s: ReviewStatus) => STATUSES.find((x) => x.value === s)?.label ?? s;
