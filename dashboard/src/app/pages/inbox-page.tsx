import { PageTitle } from '@/components/ui/layout';
import { SafetyInbox } from '@/features/inbox/components/safety-inbox';

/** The safety inbox: detected events to review; a dismissal takes an event out of the score. */
export default function InboxPage() {
  return (
    <>
      <PageTitle sub="Review detected events. Dismissed events (not the driver’s fault) leave the trip’s score within seconds.">
        Safety inbox
      </PageTitle>
      <SafetyInbox />
    </>
  );
}
