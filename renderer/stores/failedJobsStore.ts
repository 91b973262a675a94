import { create } from 'zustand';
import type { Job } from '../../core/ipc/contract/backtests';

interface FailedJobsStore {
  /** Jobs that failed while the app was open, newest first, until the user dismisses them. */
  failed: Job[];
  /** Of those, the ones whose notification is still showing. */
  toasts: string[];
  /** Records a failed job (again, if its error changed) and shows its notification. */
  noticed: (job: Job) => void;
  /** Hides the notification; the job stays at the top of Jobs and in the status bar. */
  closeToast: (jobId: string) => void;
  /** Forgets the failure everywhere it was shown. */
  dismiss: (jobId: string) => void;
}

export const useFailedJobs = create<FailedJobsStore>((set) => ({
  failed: [],
  toasts: [],
  noticed: (job) =>
    set((s) => {
      // The same failure told twice (an event repeated) changes nothing, nor brings back a closed notification.
      if (s.failed.some((j) => j.jobId === job.jobId && j.error === job.error)) return s;
      return {
        failed: [job, ...s.failed.filter((j) => j.jobId !== job.jobId)],
        toasts: [job.jobId, ...s.toasts.filter((id) => id !== job.jobId)],
      };
    }),
  closeToast: (jobId) => set((s) => ({ toasts: s.toasts.filter((id) => id !== jobId) })),
  dismiss: (jobId) => set((s) => ({ failed: s.failed.filter((j) => j.jobId !== jobId), toasts: s.toasts.filter((id) => id !== jobId) })),
}));
