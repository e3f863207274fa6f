import { PageTitle } from '@/components/ui/layout';
import { SafetyInbox } from '@/features/inbox/components/safety-inbox';
import { useCanWrite } from '@/lib/auth';

/** The safety inbox: detected events to review; a dismissal takes an event out of the score. */
export default function InboxPage() {
  const canWrite = useCanWrite();
  return (
    <>
      <PageTitle
        sub={
          canWrite
            ? 'Review detected events. Dismissed events (not the driver’s fault) leave the trip’s score within seconds.'
            : 'Read only: this token may not review events.'
        }
      >
        Safety inbox
      </PageTitle>
      <SafetyInbox />
    </>
  );
}
