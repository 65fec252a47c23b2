/**
 * Colours checked against WCAG AA (4.5:1 or more) on the background they are used on:
 * text #1B1B1B on #FFFFFF 17:1; muted #4A4A4A on #FFFFFF 8.9:1; primary #0B4F8A with white 8.4:1;
 * error #A4001D on #FFFFFF 7.9:1; notice text #1B1B1B on #FFF4CC 15:1.
 */
export const colours = {
  background: '#FFFFFF',
  surface: '#F3F5F8',
  text: '#1B1B1B',
  muted: '#4A4A4A',
  primary: '#0B4F8A',
  onPrimary: '#FFFFFF',
  border: '#5A5A5A',
  error: '#A4001D',
  onError: '#FFFFFF',
  notice: '#FFF4CC',
  focus: '#0B4F8A',
} as const;

/** Base font sizes before the app's and the phone's text size: body text is never below 18. */
export const fontSizes = { body: 18, heading: 22, title: 28, input: 20 } as const;

/** The smallest touch target: 48 points, with some room to spare. */
export const TOUCH_MIN = 56;

export const space = { xs: 4, s: 8, m: 16, l: 24, xl: 32 } as const;
