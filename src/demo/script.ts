/**
 * The demo's scripted day in a French company's workspace: who is there, and what happens.
 */

/** A person of the demo workspace. */
export interface DemoPerson {
  id: string;
  name: string;
  realName: string;
  locale: 'fr-FR' | 'en-GB' | 'en-US';
}

/** A channel of the demo workspace. */
export interface DemoChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  isExtShared?: boolean;
}

export const CAMILLE: DemoPerson = { id: 'U0CAMILLE1', name: 'camille', realName: 'Camille Durand', locale: 'fr-FR' };
export const THOMAS: DemoPerson = { id: 'U0THOMAS01', name: 'thomas', realName: 'Thomas Bernard', locale: 'fr-FR' };
export const SARAH: DemoPerson = { id: 'U0SARAH001', name: 'sarah', realName: 'Sarah Johnson', locale: 'en-GB' };
export const JULIEN: DemoPerson = { id: 'U0JULIEN01', name: 'julien', realName: 'Julien Moreau', locale: 'fr-FR' };
export const NADIA: DemoPerson = { id: 'U0NADIA001', name: 'nadia', realName: 'Nadia Rousseau', locale: 'fr-FR' };
export const EMMA: DemoPerson = { id: 'U0EMMA0001', name: 'emma', realName: 'Emma Wilson', locale: 'en-US' };

export const PEOPLE: readonly DemoPerson[] = [CAMILLE, THOMAS, SARAH, JULIEN];

/** The moderators (MODERATORS): they read #moderation and decide. */
export const MODERATORS: readonly DemoPerson[] = [NADIA];

export const GENERAL: DemoChannel = { id: 'C0GENERAL1', name: 'general' };
export const ATLAS: DemoChannel = { id: 'C0ATLAS001', name: 'projet-atlas' };
export const RENAULT: DemoChannel = { id: 'C0RENAULT1', name: 'client-renault', isExtShared: true };
export const MODERATION: DemoChannel = { id: 'C0MODERAT1', name: 'moderation' };

export const CHANNELS: readonly DemoChannel[] = [GENERAL, ATLAS, RENAULT];

/** The card number Camille pastes: Luhn-valid, and never to be shown in full. */
export const DEMO_CARD = '4970 1012 3456 7893';

/** One step of the day. */
export type DemoStep =
  | { at: string; kind: 'say'; who: DemoPerson; where: DemoChannel; text: string; thread?: string; label?: string }
  | { at: string; kind: 'edit'; who: DemoPerson; where: DemoChannel; of: string; text: string }
  | { at: string; kind: 'click'; who: DemoPerson; button: 'got-it' | 'mistake'; on: string }
  | { at: string; kind: 'join'; who: DemoPerson }
  | { at: string; kind: 'home'; who: DemoPerson }
  | { at: string; kind: 'command'; who: DemoPerson; where: DemoChannel; text: string }
  | { at: string; kind: 'decide'; who: DemoPerson; decision: 'confirm' | 'dismiss' };

/**
 * The day. `label` names a message for later steps (edits, thread replies, clicks on the reminder
 * it caused).
 */
export const DAY: readonly DemoStep[] = [
  { at: '09:02', kind: 'say', who: CAMILLE, where: GENERAL, text: 'Bonjour à tous ! Le point d’équipe est décalé à 10h30, même salle.' },
  { at: '09:05', kind: 'say', who: SARAH, where: GENERAL, text: 'Morning all, the release notes for v2.4 are in the shared drive.' },
  { at: '09:11', kind: 'say', who: JULIEN, where: ATLAS, text: 'La PR <https://git.example.com/atlas/pull/412|#412> est prête pour relecture, merci <@U0THOMAS01> !' },
  { at: '09:15', kind: 'say', who: THOMAS, where: ATLAS, text: 'Le build est encore cassé, putain.', label: 'build' },
  { at: '09:16', kind: 'click', who: THOMAS, button: 'got-it', on: 'build' },
  { at: '09:40', kind: 'say', who: SARAH, where: ATLAS, text: 'Who broke staging again? This is fucking ridiculous.', label: 'staging' },
  { at: '10:02', kind: 'say', who: JULIEN, where: RENAULT, text: 'Bonjour Madame Lefèvre, vous trouverez le devis en pièce jointe.' },
  { at: '10:05', kind: 'say', who: JULIEN, where: RENAULT, text: 'mdr ok on vous renvoie ça demain' },
  { at: '11:12', kind: 'say', who: CAMILLE, where: ATLAS, text: `Pour le remboursement du salon, ma carte : ${DEMO_CARD}`, label: 'card' },
  { at: '11:13', kind: 'edit', who: CAMILLE, where: ATLAS, of: 'card', text: 'Pour le remboursement du salon, je passe par la note de frais.' },
  { at: '14:20', kind: 'say', who: SARAH, where: ATLAS, text: '<!channel> has anyone seen my laptop charger? Grey, USB-C.', label: 'charger' },
  { at: '14:21', kind: 'click', who: SARAH, button: 'mistake', on: 'charger' },
  { at: '15:03', kind: 'say', who: THOMAS, where: ATLAS, text: 'Qui a validé ce schéma de base de données ?', label: 'schema' },
  { at: '15:05', kind: 'say', who: JULIEN, where: ATLAS, text: "C'est moi. T'es vraiment un con de poser la question comme ça.", thread: 'schema' },
  { at: '15:12', kind: 'decide', who: NADIA, decision: 'confirm' },
  { at: '15:14', kind: 'decide', who: THOMAS, decision: 'dismiss' },
  { at: '15:30', kind: 'say', who: CAMILLE, where: GENERAL, text: 'Pot de départ de Nadia vendredi à 17h, venez nombreux 🎉' },
  { at: '16:00', kind: 'join', who: EMMA },
  { at: '16:30', kind: 'command', who: SARAH, where: GENERAL, text: 'tone-shouting' },
  { at: '17:45', kind: 'home', who: THOMAS },
];
