/**
 * An error as Kith stores or logs it: its message, short, and without the email addresses SMTP
 * replies quote (a job's last error and a nudge's delivery reason are read by operators and
 * coordinators).
 */
export function errorText(error: unknown, maxLength = 2000): string {
  return (error instanceof Error ? error.message : String(error))
    .replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '<address>')
    .slice(0, maxLength);
}
