import { escapeHtml } from '@kith/platform';
import { wordsIn } from '../nudge-words';
import type { OutgoingNudge } from './channel';

/** What every nudge email says around the nudge itself, in each language a member can choose. */
const FRAME = {
  en: {
    greeting: 'Hello,',
    open: 'Open in Kith',
    footer:
      'You get these messages because you are a member of Kith. You can choose which messages come, when, and how, in the app under Settings, Messages.',
  },
  es: {
    greeting: 'Hola:',
    open: 'Abrir en Kith',
    footer:
      'Recibes estos mensajes porque eres miembro de Kith. Puedes elegir qué mensajes llegan, cuándo y cómo, en la aplicación, en Ajustes, Mensajes.',
  },
} as const;

const i18n = wordsIn(FRAME);

export const EMAIL_FRAME_LANGUAGES = Object.keys(FRAME);

export { escapeHtml };

/**
 * A nudge as an email: subject, plain text and HTML with the same words. The HTML is one
 * template with every value escaped; only the app's own link goes into an href.
 */
export function emailFor(
  nudge: Pick<OutgoingNudge, 'title' | 'body' | 'language' | 'link'>,
  appUrl: string,
): { subject: string; text: string; html: string } {
  const t = (key: keyof (typeof FRAME)['en']) => i18n.t(key, { lng: nudge.language });
  const url = nudge.link && nudge.link.url.startsWith(appUrl) ? nudge.link.url : null;
  const text = [
    t('greeting'),
    '',
    nudge.body,
    ...(url ? ['', `${t('open')}: ${url}`] : []),
    '',
    '--',
    t('footer'),
  ].join('\n');
  const html = `<!doctype html>
<html lang="${escapeHtml(nudge.language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(nudge.title)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 18px; line-height: 1.5; color: #1a1a1a; max-width: 36em; margin: 0 auto; padding: 1em;">
<p>${escapeHtml(t('greeting'))}</p>
<h1 style="font-size: 22px;">${escapeHtml(nudge.title)}</h1>
<p>${escapeHtml(nudge.body)}</p>
${url ? `<p><a href="${escapeHtml(url)}" style="display: inline-block; padding: 0.6em 1.2em; background: #1d5c4d; color: #ffffff; text-decoration: none; border-radius: 6px;">${escapeHtml(t('open'))}</a></p>\n` : ''}<hr>
<p style="font-size: 15px; color: #444444;">${escapeHtml(t('footer'))}</p>
</body>
</html>
`;
  return { subject: nudge.title, text, html };
}
