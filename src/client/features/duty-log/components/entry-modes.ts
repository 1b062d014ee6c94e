/** What the duty-log entry form is for, and its title: the form's heading and its dialog's name. */
export type EntryMode = 'new' | 'correct' | 'resolve' | 'paper'

export const ENTRY_TITLES: Record<EntryMode, string> = {
  new: 'dutyLog.form.title',
  correct: 'dutyLog.form.correctTitle',
  resolve: 'dutyLog.form.resolveTitle',
  paper: 'dutyLog.form.paperTitle',
}
