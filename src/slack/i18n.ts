/**
 * Every user-facing string of the Slack app, in French and English, with `{placeholders}`.
 * Pure data and formatting: no I/O.
 *
 * Strings are mrkdwn where they go into mrkdwn. Placeholder values are inserted as they are:
 * escape anything a user or an admin wrote (see `mrkdwn.ts`) before passing it.
 *
 * French typography: a no-break space before `:` (U+00A0) and a narrow no-break space before
 * `!`, `?` and `;` (U+202F); « » quotes; typographic apostrophes.
 */
import type { Action, Category, Lang, Severity } from '../engine/types';
import type { FlagStatus } from '../moderation/model';

/** No-break space, before `:` and inside « ». */
const NB = '\u00a0';
/** Narrow no-break space, before `!`, `?`, `;`. */
const NN = '\u202f';

const FR = {
  'common.viewMessage': 'Voir le message',
  'common.thisChannel': 'ce canal',
  'common.today': 'aujourd’hui',
  'common.yesterday': 'hier',
  'article.label': 'Article {number} — {name}',

  'reminder.header': 'Petit rappel de la charte 🙂',
  'reminder.header.leak': 'Une information sensible à retirer 🔒',
  'reminder.intro': 'Votre message dans {channel} ne respecte peut-être pas notre charte.',
  'reminder.intro.leak': 'Votre message dans {channel} semble contenir une information sensible.',
  'reminder.excerpt': `_Extrait_${NB}: {excerpt}`,
  'reminder.more.one': 'Et {count} autre point dans ce message.',
  'reminder.more.other': 'Et {count} autres points dans ce message.',
  'reminder.readArticle': 'Lire l’article {number}',
  'reminder.readArticle.plain': 'Lire l’article',
  'reminder.mistake': 'C’est une erreur',
  'reminder.gotIt': 'Compris',
  'reminder.onlyYou': 'Seul·e vous voyez ce message. Un rappel n’est pas une sanction.',
  'reminder.viaDm': 'Ce message vous est adressé en privé parce que le rappel n’a pas pu s’afficher dans le canal.',
  'reminder.text': `Petit rappel de la charte${NB}: votre message dans {channel} ({articles}).`,
  'reminder.text.leak': `Votre message dans {channel} semble contenir une information sensible${NB}: supprimez-le dès que possible.`,

  'advice.title': 'À faire maintenant',
  'advice.delete': `Supprimez le message${NB}: le modifier ne suffit pas, l’ancienne version a pu être lue.`,
  'advice.password': `Changez ce mot de passe${NB}: une fois publié, il est compromis.`,
  'advice.secret': `Révoquez ce jeton ou cette clé et créez-en un nouveau${NB}: un secret publié est compromis, même quelques secondes.`,
  'advice.tellSecurity': `Prévenez l’équipe sécurité sans recopier la donnée${NB}: indiquez simplement le canal et l’heure.`,
  'advice.tellSecurityAndDpo': `Prévenez l’équipe sécurité et le DPO sans recopier la donnée${NB}: indiquez simplement le canal et l’heure.`,
  'advice.reassure': `Réagir vite est toujours la bonne décision${NB}: cela ne vous sera jamais reproché.`,

  'alert.header': `{emoji} Signalement${NB}: {category}`,
  'alert.field.channel': 'Canal',
  'alert.field.author': 'Auteur·rice',
  'alert.field.rule': 'Règle',
  'alert.field.severity': 'Gravité',
  'alert.field.message': 'Message',
  'alert.noLink': 'lien indisponible',
  'alert.why.rule': `Pourquoi${NB}: la règle prévoit d’alerter les modérateurs.`,
  'alert.why.ladder': `Pourquoi${NB}: {nth} rappel en {days} jours.`,
  'alert.history.one': '{count} signalement de cette personne en {days} jours, celui-ci compris.',
  'alert.history.other': '{count} signalements de cette personne en {days} jours, celui-ci compris.',
  'alert.more.one': 'Et {count} autre point dans ce message.',
  'alert.more.other': 'Et {count} autres points dans ce message.',
  'alert.text': `Signalement dans {channel}${NB}: {category} ({severity}).`,
  'alert.why.report': 'Signalé par un membre.',
  'alert.why.reportBy': 'Signalé par {user}.',
  'alert.reportReason': `Motif${NB}: «${NB}{reason}${NB}»`,

  'mod.button.dismiss': 'Rejeter (faux positif)',
  'mod.button.confirm': 'Confirmer',
  'mod.button.escalate': 'Escalader',
  'mod.button.note': 'Ajouter une note',
  'mod.escalate.title': `Escalader ce signalement${NN}?`,
  'mod.escalate.text': 'Les administrateurs seront prévenus, avec l’extrait masqué et le lien vers le message.',
  'mod.escalate.cancel': 'Annuler',
  'mod.decision.open': '📝 Mis à jour par {user} le {date} à {time}',
  'mod.decision.confirmed': '✅ Confirmé par {user} le {date} à {time}',
  'mod.decision.dismissed': '🚫 Rejeté (faux positif) par {user} le {date} à {time}',
  'mod.decision.escalated': '⬆️ Escaladé par {user} le {date} à {time}',
  'mod.decision.resolved': '✏️ Corrigé par l’auteur·rice le {date} à {time}',
  'mod.note': `_Note_${NB}: {note}`,
  'mod.recorded': `Décision enregistrée${NB}: {status}.`,
  'mod.notModerator': 'Seuls les modérateurs peuvent décider d’un signalement. Cette tentative a été enregistrée.',
  'mod.followUp': `Bonjour${NN}! Un membre de l’équipe de modération va prendre contact avec vous au sujet d’un de vos messages récents. Rien à faire d’ici là${NB}: ce sera simplement l’occasion d’en parler.`,

  'status.open': 'À revoir',
  'status.confirmed': 'Confirmé',
  'status.dismissed': 'Rejeté (faux positif)',
  'status.escalated': 'Escaladé',
  'status.resolved': 'Corrigé par l’auteur·rice',
  'status.all': 'Tous les statuts',

  'digest.header.one': '🔔 {count} nouveau signalement depuis {time}',
  'digest.header.other': '🔔 {count} nouveaux signalements depuis {time}',
  'digest.more.one': 'Et {count} autre, plus ancien.',
  'digest.more.other': 'Et {count} autres, plus anciens.',
  'digest.queue': `Tout est dans la file de revue${NB}: onglet Accueil de charter-bot.`,

  'queue.header': 'File de revue',
  'queue.filter.status': 'Statut',
  'queue.filter.category': 'Catégorie',
  'queue.filter.allCategories': 'Toutes les catégories',
  'queue.filter.rule': 'Règle',
  'queue.filter.allRules': 'Toutes les règles',
  'queue.filter.channel': 'Canal',
  'queue.filter.since': 'Depuis le',
  'queue.reports': `🙋 {count} × «${NB}c’est une erreur${NB}»`,
  'queue.empty': 'Rien à revoir 🎉',
  'queue.empty.filtered': 'Aucun signalement ne correspond à ces filtres.',
  'queue.page.next': 'Page suivante',
  'queue.page.first': 'Première page',
  'queue.noisy.title': 'Règles bruyantes',
  'queue.noisy.intro': `Par règle${NB}: signalements, décisions, taux de faux positifs et tendance des dernières semaines.`,
  'queue.noisy.flags.one': '{count} signalement',
  'queue.noisy.flags.other': '{count} signalements',
  'queue.noisy.confirmed.one': '{count} confirmé',
  'queue.noisy.confirmed.other': '{count} confirmés',
  'queue.noisy.dismissed.one': '{count} rejeté',
  'queue.noisy.dismissed.other': '{count} rejetés',
  'queue.noisy.rate': `faux positifs${NB}: {rate}`,
  'queue.noisy.trend': `tendance${NB}: {trend}`,
  'queue.noisy.empty': 'Aucun signalement sur la période.',
  'queue.noisy.more': 'Les {shown} règles les plus bruyantes sur {total}.',

  'note.title': 'Note de modération',
  'note.submit': 'Enregistrer',
  'note.cancel': 'Annuler',
  'note.intro.one': 'Une note sur ce signalement, visible des seuls modérateurs et gardée avec lui.',
  'note.intro.other': 'Une note sur ces {count} signalements, visible des seuls modérateurs et gardée avec eux.',
  'note.label': 'Note',
  'note.hint': `{max} caractères au plus. Inutile de recopier le message${NB}: décrivez la décision ou la suite à donner.`,

  'report.title': 'Signaler aux modérateurs',
  'report.submit': 'Envoyer',
  'report.cancel': 'Annuler',
  'report.intro': 'Les modérateurs verront ce message et votre motif. La personne qui l’a écrit ne saura pas qui l’a signalé.',
  'report.category.label': 'Ce qui pose problème',
  'report.category.placeholder': 'Choisissez…',
  'report.category.other': 'Autre',
  'report.reason.label': 'Motif',
  'report.reason.hint': `{max} caractères au plus. Inutile de recopier le message${NB}: les modérateurs le verront.`,
  'report.thanks': `Merci${NN}! Votre signalement est transmis aux modérateurs. La personne concernée ne saura pas qu’il vient de vous.`,

  'escalation.header': '⬆️ Signalement escaladé',
  'escalation.intro.one': '{user} a escaladé {count} signalement le {date} à {time}.',
  'escalation.intro.other': '{user} a escaladé {count} signalements le {date} à {time}.',
  'escalation.more.one': 'Et {count} autre signalement.',
  'escalation.more.other': 'Et {count} autres signalements.',
  'escalation.queue': `Décisions et notes${NB}: file de revue, onglet Accueil de charter-bot.`,

  'home.intro': 'Quelques règles simples pour que notre Slack reste agréable, efficace et sûr. Tapez `/charter` pour les retrouver partout.',
  'home.read': 'Lire',
  'home.ack.prompt': 'Prenez deux minutes pour lire la charte (version {version}), puis confirmez-le ici.',
  'home.ack.button': 'J’ai lu la charte',
  'home.ack.done': '✅ Vous avez pris connaissance de la charte le {date}. Merci' + NN + '!',
  'home.articles.more': `Et {count} autres articles${NB}: tapez \`/charter\` pour la liste complète.`,
  'home.reminders.title': 'Vos rappels',
  'home.reminders.empty': `Aucun rappel. Merci${NN}!`,
  'home.reminders.more': 'Les {shown} plus récents sur {total}.',
  'home.reminders.resolved': 'message corrigé',
  'home.reminders.dismissed': 'classé comme erreur',
  'home.privacy.one': `Vos données${NB}: pour chaque rappel, charter-bot garde la règle, le canal, la date et un court extrait masqué, jamais le texte de vos messages. Tout est effacé après {days} jour.`,
  'home.privacy.other': `Vos données${NB}: pour chaque rappel, charter-bot garde la règle, le canal, la date et un court extrait masqué, jamais le texte de vos messages. Tout est effacé après {days} jours.`,
  'home.privacy.rights': `Vos droits${NB}: article {number} de la charte.`,

  'modal.title': 'Charte',
  'modal.close': 'Fermer',
  'modal.partOf': `Dans${NB}: {parent}`,

  'command.summary.hint': 'Tapez `/charter {number}`, `/charter {id}` ou un mot du titre (`/charter {word}`) pour lire un article.',
  'command.help.title': 'Utiliser `/charter`',
  'command.help.summary': `\`/charter\`${NB}: la charte en bref`,
  'command.help.number': `\`/charter {number}\`${NB}: un article par son numéro`,
  'command.help.id': `\`/charter {id}\`${NB}: un article par son identifiant`,
  'command.help.word': `\`/charter {word}\`${NB}: un article par un mot de son titre`,
  'command.help.help': `\`/charter help\`${NB}: cette aide`,
  'command.help.home': 'La charte complète et vos rappels sont aussi dans l’onglet Accueil de charter-bot.',
  'command.unknown': `Je ne trouve aucun article «${NB}{query}${NB}».`,
  'command.unknown.next': 'Essayez un numéro (`/charter {number}`), un identifiant (`/charter {id}`) ou un mot du titre. `/charter` seul affiche la liste.',
  'command.unknown.ids': `Identifiants${NB}: {ids}`,
  'command.others': `Autres résultats${NB}: {list}`,
  'command.article.footer': `Toute la charte${NB}: \`/charter\`, ou l’onglet Accueil de charter-bot.`,
  'command.text.summary': '{title} — {count} articles',
  'command.text.help': 'Aide de la commande /charter',

  'onboarding.hello': `Bonjour${NN}! 👋 Je suis charter-bot. J’aide chacun à faire vivre notre charte de bon usage de Slack${NB}: quelques règles simples pour que notre Slack reste agréable, efficace et sûr.`,
  'onboarding.how': 'Si l’un de vos messages semble s’en écarter, je vous envoie un rappel privé, visible de vous seul·e, jamais une sanction. Je ne lis pas vos messages directs.',
  'onboarding.ack': `Quand vous l’aurez lue, confirmez-le d’un clic${NB}:`,
  'onboarding.hint': 'Tapez `/charter` pour la consulter à tout moment, ou ouvrez l’onglet Accueil de charter-bot.',
  'onboarding.text': `Bonjour${NN}! Voici notre charte de bon usage de Slack, en deux minutes de lecture.`,

  'feedback.mistakeRecorded': `Merci${NN}! Votre retour est transmis aux modérateurs, qui vont y jeter un œil. Il ne sera jamais retenu contre vous.`,
  'feedback.mistakeAlready': `Vous avez déjà signalé ce rappel comme une erreur${NB}: les modérateurs l’ont bien reçu.`,
  'feedback.mistakeUnknown': `Je ne retrouve pas ce rappel${NB}: il a peut-être expiré ou déjà été traité. Rien d’autre à faire de votre côté.`,
  'feedback.acknowledged': `Merci${NN}! Vous avez pris connaissance de la charte le {date}.`,
  'feedback.notAllowed': 'Désolé, cette action ne vous est pas ouverte.',

  'category.profanity': 'Grossièreté',
  'category.insult': 'Insulte',
  'category.shouting': 'Majuscules',
  'category.familiar-tone': 'Ton familier',
  'category.mass-mention': 'Mention collective',
  'category.off-topic': 'Hors sujet',
  'category.payment-card': 'Carte bancaire',
  'category.bank-account': 'Coordonnées bancaires',
  'category.national-id': 'Numéro d’identification',
  'category.secret': 'Clé ou jeton d’accès',
  'category.password': 'Mot de passe',
  'category.personal-data': 'Données personnelles',
  'category.confidential': 'Document confidentiel',
  'category.custom': 'Règle de l’entreprise',

  'severity.low': 'faible',
  'severity.medium': 'moyenne',
  'severity.high': 'élevée',
  'severity.critical': 'critique',

  'admin.when.day': '{day} à {time}',
  'admin.when.date': 'le {date} à {time}',
  'admin.rules.header': 'Règles de la charte',
  'admin.rules.version': 'Version {id}, par {user}, {when}.',
  'admin.rules.files': `Règles des fichiers d’origine${NB}: aucune modification faite dans Slack.`,
  'admin.rules.intro': 'Vos modifications s’appliquent par-dessus les fichiers `rules/*.yaml` dès leur enregistrement, et chacune reste dans l’historique.',
  'admin.rules.newKeyword': 'Nouvelle règle (mots-clés)',
  'admin.rules.newRegex': 'Nouvelle règle (motif)',
  'admin.rules.history': 'Historique',
  'admin.rules.empty': 'Aucune règle chargée.',
  'admin.rules.more': `{shown} règles affichées sur {total}${NB}: les autres se modifient dans les fichiers \`rules/*.yaml\`.`,
  'admin.rule.disabled': 'désactivée',
  'admin.rule.severity': 'gravité {severity}',
  'admin.rule.hits.one': '{count} signalement en {days} jours',
  'admin.rule.hits.other': '{count} signalements en {days} jours',
  'admin.rule.origin.edited': 'modifiée dans Slack',
  'admin.rule.origin.added': 'créée dans Slack',

  'admin.action.shadow': '🧪 essai (shadow)',
  'admin.action.nudge': 'rappel privé',
  'admin.action.flag': 'alerte aux modérateurs',
  'admin.action.nudge+flag': 'rappel et alerte',
  'admin.action.shadow.help': `Enregistré seulement, personne n’est prévenu${NB}: pour mesurer une règle avant de l’activer.`,
  'admin.action.nudge.help': 'Un rappel privé et bienveillant à l’auteur·rice du message.',
  'admin.action.flag.help': 'Une alerte aux modérateurs, sans rien dire à l’auteur·rice.',
  'admin.action.nudge+flag.help': 'Le rappel privé et l’alerte aux modérateurs.',

  'admin.menu.enable': 'Activer',
  'admin.menu.disable': 'Désactiver',
  'admin.menu.action': 'Action…',
  'admin.menu.severity': 'Gravité…',
  'admin.menu.edit': 'Modifier…',
  'admin.menu.try': 'Essayer…',

  'admin.save': 'Enregistrer',
  'admin.cancel': 'Annuler',
  'admin.close': 'Fermer',
  'admin.choose': 'Choisissez…',
  'admin.comment.label': 'Commentaire pour l’historique',
  'admin.tryEdited': 'Essayer ces réglages',
  'admin.tryEdited.hint': 'Avant d’enregistrer : collez des messages d’exemple et voyez ce que la règle modifiée trouverait.',
  'admin.comment.placeholder': `Pourquoi ce changement${NN}?`,

  'admin.quick.title.action': 'Action de la règle',
  'admin.quick.title.severity': 'Gravité de la règle',
  'admin.quick.intro': 'Règle {rule}.',
  'admin.quick.label.action': 'Quand la règle trouve quelque chose',
  'admin.quick.label.severity': 'Gravité',

  'admin.modal.title.create': 'Nouvelle règle',
  'admin.modal.title.edit': 'Modifier la règle',
  'admin.modal.intro.edit': 'Règle {rule}, détecteur {detector}. Les champs que vous ne changez pas continuent de suivre le fichier de règles.',
  'admin.modal.intro.keyword': 'Une règle qui repère des mots ou des expressions que vous choisissez (mots entiers, sans tenir compte des accents ni de la casse).',
  'admin.modal.intro.regex': 'Une règle qui repère un motif (expression régulière RE2, exécutée en temps linéaire).',
  'admin.modal.tip': `Conseil${NB}: commencez par l’action «${NB}essai (shadow)${NB}» pour mesurer la règle sans prévenir personne, puis essayez-la depuis le menu de la règle.`,
  'admin.modal.options.file': 'Les autres options du détecteur {detector} se modifient dans le fichier de règles.',
  'admin.modal.tooLong': `La liste {field} ({count} entrées) est trop longue pour être modifiée ici${NB}: elle est conservée telle quelle. Modifiez-la dans le fichier de règles.`,
  'admin.modal.scope': 'Où la règle s’applique',
  'admin.modal.explanation': 'Ce que lit l’auteur·rice',

  'admin.field.id': 'Identifiant',
  'admin.field.id.hint': 'Lettres minuscules, chiffres et tirets, par exemple projet-atlas. Il ne pourra plus changer.',
  'admin.field.description': 'Description',
  'admin.field.description.hint': `Pour les administrateurs${NB}: ce que la règle repère et pourquoi.`,
  'admin.field.category': 'Catégorie',
  'admin.field.severity': 'Gravité',
  'admin.field.action': 'Action',
  'admin.field.article': 'Article de la charte',
  'admin.field.enabled': 'État',
  'admin.field.enabled.option': 'Règle active',
  'admin.field.terms': 'Mots ou expressions',
  'admin.field.terms.hint': 'Un par ligne. Mots entiers, sans tenir compte des accents, de la casse ni du leetspeak.',
  'admin.field.stems': 'Débuts de mots',
  'admin.field.stems.hint': `Un par ligne, trois lettres au moins${NB}: «${NB}confidenti${NB}» trouve aussi «${NB}confidentiel${NB}» et «${NB}confidential${NB}».`,
  'admin.field.add': 'Mots ajoutés',
  'admin.field.add.hint': `Un par ligne${NB}: la règle les compte en plus de ses listes.`,
  'admin.field.allow': 'Mots autorisés',
  'admin.field.allow.hint': `Un par ligne${NB}: jamais comptés, même s’ils figurent dans les listes.`,
  'admin.field.pattern': 'Motif',
  'admin.field.pattern.hint': `Syntaxe RE2${NB}: ni références arrière, ni assertions avant ou arrière. Sans tenir compte de la casse, sauf si vous cochez la case suivante.`,
  'admin.field.case': 'Casse',
  'admin.field.case.option': 'Respecter majuscules et minuscules',
  'admin.field.scan': 'Où chercher',
  'admin.field.scan.prose': 'Les mots de l’auteur·rice seulement',
  'admin.field.scan.all': 'Tout le message, code, citations et liens compris',
  'admin.field.channels': 'Canaux',
  'admin.field.channels.hint': `Un motif de nom par ligne, sans #, par exemple client-* ou ext-*. Vide${NB}: tous les canaux.`,
  'admin.field.exceptChannels': 'Sauf les canaux',
  'admin.field.exceptChannels.hint': `Un motif de nom par ligne${NB}: ces canaux sont toujours exclus.`,
  'admin.field.where': 'Types de canaux',
  'admin.field.where.hint': `Cochés${NB}: la règle ne s’applique qu’à ces canaux.`,
  'admin.field.where.external': 'Partagés avec une autre entreprise (Slack Connect)',
  'admin.field.where.private': 'Privés',
  'admin.field.match': 'Conditions',
  'admin.field.match.all': 'Toutes les conditions données',
  'admin.field.match.any': 'Une seule suffit',
  'admin.field.exempt': 'Personnes exemptées',
  'admin.field.explanationFr': 'Explication en français',
  'admin.field.explanationEn': 'Explication en anglais',
  'admin.field.explanation.hint': `Remplace l’explication du détecteur. Les deux langues, ou aucune${NB}: celle du détecteur s’applique alors.`,

  'admin.try.title': 'Essayer une règle',
  'admin.try.submit': 'Tester',
  'admin.try.intro': `Règle {rule} · {category} · {action}. Rien n’est enregistré ni envoyé${NB}: les messages d’essai restent dans cette fenêtre.`,
  'admin.try.samples': 'Messages d’essai',
  'admin.try.samples.hint': 'Un message par ligne.',
  'admin.try.results': 'Résultats',
  'admin.try.found.one': '✗ {count} constat',
  'admin.try.found.other': '✗ {count} constats',
  'admin.try.nothing': '✓ rien',
  'admin.try.more.one': 'Et {count} autre message, non affiché.',
  'admin.try.more.other': 'Et {count} autres messages, non affichés.',
  'admin.try.problems': `La règle ne peut pas être essayée telle quelle${NB}:`,
  'admin.try.outOfScope': `Hors du champ de la règle${NB}: elle ne s’applique pas au canal de l’essai, d’où l’absence de constats.`,
  'admin.try.capped': `Essai limité${NB}: certains messages ont été laissés de côté ou coupés, faute de place.`,
  'admin.impact.title': 'Effet estimé',
  'admin.impact.flags.one': `Sur les {days} derniers jours${NB}: {count} signalement n’aurait pas été levé.`,
  'admin.impact.flags.other': `Sur les {days} derniers jours${NB}: {count} signalements n’auraient pas été levés.`,
  'admin.impact.reminders.one': '≈ {count} rappel n’aurait pas été envoyé.',
  'admin.impact.reminders.other': '≈ {count} rappels n’auraient pas été envoyés.',
  'admin.impact.alerts.one': '≈ {count} alerte aux modérateurs n’aurait pas été envoyée.',
  'admin.impact.alerts.other': '≈ {count} alertes aux modérateurs n’auraient pas été envoyées.',
  'admin.impact.none': `Sur les {days} derniers jours${NB}: rien n’aurait changé.`,
  'admin.impact.period': `Sur les {days} derniers jours${NB}:`,
  'admin.impact.moreReminders.one': '≈ {count} rappel de plus aurait été envoyé.',
  'admin.impact.moreReminders.other': '≈ {count} rappels de plus auraient été envoyés.',
  'admin.impact.moreAlerts.one': '≈ {count} alerte aux modérateurs de plus aurait été envoyée.',
  'admin.impact.moreAlerts.other': '≈ {count} alertes aux modérateurs de plus auraient été envoyées.',
  'admin.impact.unknown': `Impossible à estimer sans relire les messages, que nous ne conservons pas${NB}: utilisez l’essai ci-dessus.`,

  'admin.history.title': 'Historique des règles',
  'admin.history.intro': `Chaque modification est une version. Revenir à une version en crée une nouvelle${NB}: rien n’est effacé.`,
  'admin.history.version': 'Version {id}',
  'admin.history.by': 'par {user}, {when}',
  'admin.history.source.slack': 'dans Slack',
  'admin.history.source.cli': 'en ligne de commande',
  'admin.history.source.rollback': 'retour en arrière',
  'admin.history.restores': 'restaure la version {id}',
  'admin.history.current': 'en vigueur',
  'admin.history.noComment': 'sans commentaire',
  'admin.history.comment': `«${NB}{comment}${NB}»`,
  'admin.history.viewDiff': 'Voir le diff',
  'admin.history.restore': 'Revenir à cette version',
  'admin.history.confirm.title': `Revenir à la version {id}${NN}?`,
  'admin.history.confirm.text': `Les règles redeviendront celles de la version {id}. Une nouvelle version est créée${NB}: rien n’est effacé de l’historique.`,
  'admin.history.confirm.yes': 'Revenir',
  'admin.history.more': 'Versions plus anciennes',
  'admin.history.empty': `Aucune version${NB}: les règles sont celles des fichiers d’origine.`,
  'admin.history.diff.title': 'Changements de la version {id}',
  'admin.history.diff.empty': 'Aucun changement dans les règles en vigueur.',
  'admin.history.diff.truncated.one': `Diff tronqué${NB}: {count} ligne non affichée.`,
  'admin.history.diff.truncated.other': `Diff tronqué${NB}: {count} lignes non affichées.`,

  'admin.invalid.header': '⚠️ Règles refusées',
  'admin.invalid.files.one': `La modification de {files} est refusée${NB}: {count} problème.`,
  'admin.invalid.files.other': `La modification de {files} est refusée${NB}: {count} problèmes.`,
  'admin.invalid.database.one': `La dernière version enregistrée des règles est refusée${NB}: {count} problème.`,
  'admin.invalid.database.other': `La dernière version enregistrée des règles est refusée${NB}: {count} problèmes.`,
  'admin.invalid.kept': 'Les règles en vigueur restent celles d’avant.',
  'admin.invalid.more.one': 'Et {count} autre problème.',
  'admin.invalid.more.other': 'Et {count} autres problèmes.',
  'admin.invalid.fix.files': 'Corrigez le fichier, puis vérifiez avec `npx charter-bot rules validate`.',
  'admin.invalid.fix.database': 'Revenez à une version précédente depuis l’historique des règles, dans l’onglet Accueil de charter-bot.',
  'admin.saved': `✅ Enregistré${NB}: version {id}. Les règles s’appliquent dès maintenant.`,
  'admin.notAdmin': 'Seuls les administrateurs peuvent modifier les règles. Cette tentative a été enregistrée.',
  'admin.conflict': `Un autre administrateur a modifié les règles entre-temps${NB}: rien n’a été enregistré. Rouvrez la règle pour repartir de la dernière version.`,
} as const;

/** The key of a user-facing string. */
export type StringKey = keyof typeof FR;

const EN: Record<StringKey, string> = {
  'common.viewMessage': 'View message',
  'common.thisChannel': 'this channel',
  'common.today': 'today',
  'common.yesterday': 'yesterday',
  'article.label': 'Article {number} — {name}',

  'reminder.header': 'A quick reminder about our charter 🙂',
  'reminder.header.leak': 'Sensitive information to remove 🔒',
  'reminder.intro': 'Your message in {channel} may not follow our charter.',
  'reminder.intro.leak': 'Your message in {channel} seems to contain sensitive information.',
  'reminder.excerpt': '_Excerpt:_ {excerpt}',
  'reminder.more.one': 'And {count} more point in this message.',
  'reminder.more.other': 'And {count} more points in this message.',
  'reminder.readArticle': 'Read article {number}',
  'reminder.readArticle.plain': 'Read the article',
  'reminder.mistake': 'This is a mistake',
  'reminder.gotIt': 'Got it',
  'reminder.onlyYou': 'Only you can see this. A reminder is not a sanction.',
  'reminder.viaDm': 'You are getting this as a direct message because the reminder could not be shown in the channel.',
  'reminder.text': 'A quick reminder about our charter: your message in {channel} ({articles}).',
  'reminder.text.leak': 'Your message in {channel} seems to contain sensitive information: please delete it as soon as you can.',

  'advice.title': 'What to do now',
  'advice.delete': 'Delete the message: editing it is not enough, the earlier version may have been read.',
  'advice.password': 'Change that password: once posted, it is compromised.',
  'advice.secret': 'Revoke that token or key and create a new one: a secret posted even for a few seconds is compromised.',
  'advice.tellSecurity': 'Tell the security team without copying the data: just give the channel and the time.',
  'advice.tellSecurityAndDpo': 'Tell the security team and the DPO without copying the data: just give the channel and the time.',
  'advice.reassure': 'Acting fast is always the right call: it will never be held against you.',

  'alert.header': '{emoji} Flag: {category}',
  'alert.field.channel': 'Channel',
  'alert.field.author': 'Author',
  'alert.field.rule': 'Rule',
  'alert.field.severity': 'Severity',
  'alert.field.message': 'Message',
  'alert.noLink': 'no link available',
  'alert.why.rule': 'Why: the rule alerts moderators.',
  'alert.why.ladder': 'Why: {nth} reminder in {days} days.',
  'alert.history.one': '{count} flag for this person in {days} days, including this one.',
  'alert.history.other': '{count} flags for this person in {days} days, including this one.',
  'alert.more.one': 'And {count} more point in this message.',
  'alert.more.other': 'And {count} more points in this message.',
  'alert.text': 'Flag in {channel}: {category} ({severity}).',
  'alert.why.report': 'Reported by a member.',
  'alert.why.reportBy': 'Reported by {user}.',
  'alert.reportReason': 'Reason: “{reason}”',

  'mod.button.dismiss': 'Dismiss (false positive)',
  'mod.button.confirm': 'Confirm',
  'mod.button.escalate': 'Escalate',
  'mod.button.note': 'Add note',
  'mod.escalate.title': 'Escalate this flag?',
  'mod.escalate.text': 'Admins will be notified, with the masked excerpt and a link to the message.',
  'mod.escalate.cancel': 'Cancel',
  'mod.decision.open': '📝 Updated by {user} on {date} at {time}',
  'mod.decision.confirmed': '✅ Confirmed by {user} on {date} at {time}',
  'mod.decision.dismissed': '🚫 Dismissed (false positive) by {user} on {date} at {time}',
  'mod.decision.escalated': '⬆️ Escalated by {user} on {date} at {time}',
  'mod.decision.resolved': '✏️ Fixed by the author on {date} at {time}',
  'mod.note': '_Note:_ {note}',
  'mod.recorded': 'Decision recorded: {status}.',
  'mod.notModerator': 'Only moderators can decide on a flag. This attempt has been recorded.',
  'mod.followUp': 'Hello! Someone from the moderation team will get in touch with you about one of your recent messages. Nothing to do until then: it is simply a chance to talk it through.',

  'status.open': 'To review',
  'status.confirmed': 'Confirmed',
  'status.dismissed': 'Dismissed (false positive)',
  'status.escalated': 'Escalated',
  'status.resolved': 'Fixed by the author',
  'status.all': 'All statuses',

  'digest.header.one': '🔔 {count} new flag since {time}',
  'digest.header.other': '🔔 {count} new flags since {time}',
  'digest.more.one': 'And {count} older one.',
  'digest.more.other': 'And {count} older ones.',
  'digest.queue': 'Everything is in the review queue: charter-bot’s Home tab.',

  'queue.header': 'Review queue',
  'queue.filter.status': 'Status',
  'queue.filter.category': 'Category',
  'queue.filter.allCategories': 'All categories',
  'queue.filter.rule': 'Rule',
  'queue.filter.allRules': 'All rules',
  'queue.filter.channel': 'Channel',
  'queue.filter.since': 'Since',
  'queue.reports': '🙋 {count} × “this is a mistake”',
  'queue.empty': 'Nothing to review 🎉',
  'queue.empty.filtered': 'No flags match these filters.',
  'queue.page.next': 'Next page',
  'queue.page.first': 'First page',
  'queue.noisy.title': 'Noisy rules',
  'queue.noisy.intro': 'Per rule: flags, decisions, false-positive rate and the trend over recent weeks.',
  'queue.noisy.flags.one': '{count} flag',
  'queue.noisy.flags.other': '{count} flags',
  'queue.noisy.confirmed.one': '{count} confirmed',
  'queue.noisy.confirmed.other': '{count} confirmed',
  'queue.noisy.dismissed.one': '{count} dismissed',
  'queue.noisy.dismissed.other': '{count} dismissed',
  'queue.noisy.rate': 'false positives: {rate}',
  'queue.noisy.trend': 'trend: {trend}',
  'queue.noisy.empty': 'No flags in this period.',
  'queue.noisy.more': 'The {shown} noisiest rules of {total}.',

  'note.title': 'Moderator note',
  'note.submit': 'Save',
  'note.cancel': 'Cancel',
  'note.intro.one': 'A note on this flag, visible to moderators only and kept with it.',
  'note.intro.other': 'A note on these {count} flags, visible to moderators only and kept with them.',
  'note.label': 'Note',
  'note.hint': '{max} characters at most. No need to copy the message: describe the decision or the next step.',

  'report.title': 'Report to moderators',
  'report.submit': 'Send',
  'report.cancel': 'Cancel',
  'report.intro': 'Moderators will see this message and your reason. Its author will not be told who reported it.',
  'report.category.label': 'What is the problem?',
  'report.category.placeholder': 'Choose…',
  'report.category.other': 'Other',
  'report.reason.label': 'Reason',
  'report.reason.hint': '{max} characters at most. No need to copy the message: moderators will see it.',
  'report.thanks': 'Thank you! Your report has gone to the moderators. The author will not be told it came from you.',

  'escalation.header': '⬆️ Flag escalated',
  'escalation.intro.one': '{user} escalated {count} flag on {date} at {time}.',
  'escalation.intro.other': '{user} escalated {count} flags on {date} at {time}.',
  'escalation.more.one': 'And {count} more flag.',
  'escalation.more.other': 'And {count} more flags.',
  'escalation.queue': 'Decisions and notes: the review queue, charter-bot’s Home tab.',

  'home.intro': 'A few simple rules to keep our Slack pleasant, effective and safe. Type `/charter` to find them anywhere.',
  'home.read': 'Read',
  'home.ack.prompt': 'Take two minutes to read the charter (version {version}), then confirm here.',
  'home.ack.button': 'I have read the charter',
  'home.ack.done': '✅ You read the charter on {date}. Thank you!',
  'home.articles.more': 'And {count} more articles: type `/charter` for the full list.',
  'home.reminders.title': 'Your reminders',
  'home.reminders.empty': 'No reminders. Thank you!',
  'home.reminders.more': 'The {shown} most recent of {total}.',
  'home.reminders.resolved': 'message edited',
  'home.reminders.dismissed': 'marked as a mistake',
  'home.privacy.one': 'Your data: for each reminder, charter-bot keeps the rule, the channel, the date and a short masked excerpt, never the text of your messages. Everything is deleted after {days} day.',
  'home.privacy.other': 'Your data: for each reminder, charter-bot keeps the rule, the channel, the date and a short masked excerpt, never the text of your messages. Everything is deleted after {days} days.',
  'home.privacy.rights': 'Your rights: article {number} of the charter.',

  'modal.title': 'Charter',
  'modal.close': 'Close',
  'modal.partOf': 'Part of: {parent}',

  'command.summary.hint': 'Type `/charter {number}`, `/charter {id}` or a word from the title (`/charter {word}`) to read an article.',
  'command.help.title': 'Using `/charter`',
  'command.help.summary': '`/charter`: the charter at a glance',
  'command.help.number': '`/charter {number}`: an article by its number',
  'command.help.id': '`/charter {id}`: an article by its id',
  'command.help.word': '`/charter {word}`: an article by a word of its title',
  'command.help.help': '`/charter help`: this help',
  'command.help.home': 'The full charter and your reminders are also in charter-bot’s Home tab.',
  'command.unknown': 'I cannot find an article matching “{query}”.',
  'command.unknown.next': 'Try a number (`/charter {number}`), an id (`/charter {id}`) or a word from the title. `/charter` alone shows the list.',
  'command.unknown.ids': 'Ids: {ids}',
  'command.others': 'Other matches: {list}',
  'command.article.footer': 'The whole charter: `/charter`, or charter-bot’s Home tab.',
  'command.text.summary': '{title} — {count} articles',
  'command.text.help': 'Help for the /charter command',

  'onboarding.hello': 'Hello! 👋 I am charter-bot. I help everyone live by our Slack usage charter: a few simple rules to keep our Slack pleasant, effective and safe.',
  'onboarding.how': 'If one of your messages seems to stray from it, I send you a private reminder that only you can see, never a sanction. I do not read your direct messages.',
  'onboarding.ack': 'Once you have read it, confirm with one click:',
  'onboarding.hint': 'Type `/charter` to read it at any time, or open charter-bot’s Home tab.',
  'onboarding.text': 'Hello! Here is our Slack usage charter, a two-minute read.',

  'feedback.mistakeRecorded': 'Thank you! Your feedback has gone to the moderators, who will take a look. It will never be held against you.',
  'feedback.mistakeAlready': 'You have already reported this reminder as a mistake: the moderators have it.',
  'feedback.mistakeUnknown': 'I cannot find that reminder: it may have expired or already been handled. Nothing else to do on your side.',
  'feedback.acknowledged': 'Thank you! You read the charter on {date}.',
  'feedback.notAllowed': 'Sorry, this action is not available to you.',

  'category.profanity': 'Profanity',
  'category.insult': 'Insult',
  'category.shouting': 'Shouting',
  'category.familiar-tone': 'Casual tone',
  'category.mass-mention': 'Mass mention',
  'category.off-topic': 'Off topic',
  'category.payment-card': 'Payment card',
  'category.bank-account': 'Bank account',
  'category.national-id': 'National ID number',
  'category.secret': 'Access key or token',
  'category.password': 'Password',
  'category.personal-data': 'Personal data',
  'category.confidential': 'Confidential document',
  'category.custom': 'Company rule',

  'severity.low': 'low',
  'severity.medium': 'medium',
  'severity.high': 'high',
  'severity.critical': 'critical',

  'admin.when.day': '{day} at {time}',
  'admin.when.date': 'on {date} at {time}',
  'admin.rules.header': 'Charter rules',
  'admin.rules.version': 'Version {id}, by {user}, {when}.',
  'admin.rules.files': 'Rules as in the original files: nothing changed in Slack yet.',
  'admin.rules.intro': 'Your changes apply on top of the `rules/*.yaml` files as soon as they are saved, and each one stays in the history.',
  'admin.rules.newKeyword': 'New rule (keywords)',
  'admin.rules.newRegex': 'New rule (pattern)',
  'admin.rules.history': 'History',
  'admin.rules.empty': 'No rules loaded.',
  'admin.rules.more': '{shown} of {total} rules shown: edit the others in the `rules/*.yaml` files.',
  'admin.rule.disabled': 'disabled',
  'admin.rule.severity': '{severity} severity',
  'admin.rule.hits.one': '{count} flag in {days} days',
  'admin.rule.hits.other': '{count} flags in {days} days',
  'admin.rule.origin.edited': 'edited in Slack',
  'admin.rule.origin.added': 'created in Slack',

  'admin.action.shadow': '🧪 trial (shadow)',
  'admin.action.nudge': 'private reminder',
  'admin.action.flag': 'moderator alert',
  'admin.action.nudge+flag': 'reminder and alert',
  'admin.action.shadow.help': 'Recorded only, nobody is told: to measure a rule before turning it on.',
  'admin.action.nudge.help': 'A kind private reminder to the author of the message.',
  'admin.action.flag.help': 'An alert to moderators, telling the author nothing.',
  'admin.action.nudge+flag.help': 'Both the private reminder and the moderator alert.',

  'admin.menu.enable': 'Enable',
  'admin.menu.disable': 'Disable',
  'admin.menu.action': 'Action…',
  'admin.menu.severity': 'Severity…',
  'admin.menu.edit': 'Edit…',
  'admin.menu.try': 'Try…',

  'admin.save': 'Save',
  'admin.cancel': 'Cancel',
  'admin.close': 'Close',
  'admin.choose': 'Choose…',
  'admin.comment.label': 'Comment for the history',
  'admin.tryEdited': 'Try these settings',
  'admin.tryEdited.hint': 'Before saving: paste sample messages and see what the edited rule would find.',
  'admin.comment.placeholder': 'Why this change?',

  'admin.quick.title.action': 'Rule action',
  'admin.quick.title.severity': 'Rule severity',
  'admin.quick.intro': 'Rule {rule}.',
  'admin.quick.label.action': 'When the rule finds something',
  'admin.quick.label.severity': 'Severity',

  'admin.modal.title.create': 'New rule',
  'admin.modal.title.edit': 'Edit rule',
  'admin.modal.intro.edit': 'Rule {rule}, detector {detector}. Fields you leave unchanged keep following the rule file.',
  'admin.modal.intro.keyword': 'A rule that finds words or phrases you choose (whole words, ignoring accents and case).',
  'admin.modal.intro.regex': 'A rule that finds a pattern (an RE2 regular expression, run in linear time).',
  'admin.modal.tip': 'Tip: start with the “trial (shadow)” action to measure the rule without telling anyone, then try it from the rule’s menu.',
  'admin.modal.options.file': 'Other options of the {detector} detector are edited in the rule file.',
  'admin.modal.tooLong': 'The {field} list ({count} entries) is too long to edit here: it is kept as it is. Edit it in the rule file.',
  'admin.modal.scope': 'Where the rule applies',
  'admin.modal.explanation': 'What the author reads',

  'admin.field.id': 'Id',
  'admin.field.id.hint': 'Lowercase letters, digits and dashes, e.g. project-atlas. It cannot change later.',
  'admin.field.description': 'Description',
  'admin.field.description.hint': 'For admins: what the rule finds and why.',
  'admin.field.category': 'Category',
  'admin.field.severity': 'Severity',
  'admin.field.action': 'Action',
  'admin.field.article': 'Charter article',
  'admin.field.enabled': 'Status',
  'admin.field.enabled.option': 'Rule enabled',
  'admin.field.terms': 'Words or phrases',
  'admin.field.terms.hint': 'One per line. Whole words, ignoring accents, case and leetspeak.',
  'admin.field.stems': 'Word stems',
  'admin.field.stems.hint': 'One per line, three letters at least: “confidenti” also finds “confidentiel” and “confidential”.',
  'admin.field.add': 'Added words',
  'admin.field.add.hint': 'One per line: the rule counts them on top of its lists.',
  'admin.field.allow': 'Allowed words',
  'admin.field.allow.hint': 'One per line: never counted, even when the lists have them.',
  'admin.field.pattern': 'Pattern',
  'admin.field.pattern.hint': 'RE2 syntax: no backreferences, no lookahead or lookbehind. Case is ignored unless you tick the next box.',
  'admin.field.case': 'Case',
  'admin.field.case.option': 'Match upper and lower case exactly',
  'admin.field.scan': 'Where to look',
  'admin.field.scan.prose': 'The author’s own words only',
  'admin.field.scan.all': 'The whole message, code, quotes and links included',
  'admin.field.channels': 'Channels',
  'admin.field.channels.hint': 'One channel name pattern per line, without #, e.g. client-* or ext-*. Empty: every channel.',
  'admin.field.exceptChannels': 'Except channels',
  'admin.field.exceptChannels.hint': 'One channel name pattern per line: these channels are always left out.',
  'admin.field.where': 'Kinds of channels',
  'admin.field.where.hint': 'Ticked: the rule only applies to these channels.',
  'admin.field.where.external': 'Shared with another company (Slack Connect)',
  'admin.field.where.private': 'Private',
  'admin.field.match': 'Conditions',
  'admin.field.match.all': 'All the conditions given',
  'admin.field.match.any': 'Any one of them',
  'admin.field.exempt': 'Exempt people',
  'admin.field.explanationFr': 'Explanation in French',
  'admin.field.explanationEn': 'Explanation in English',
  'admin.field.explanation.hint': 'Replaces the detector’s explanation. Both languages, or neither: the detector’s then applies.',

  'admin.try.title': 'Try a rule',
  'admin.try.submit': 'Test',
  'admin.try.intro': 'Rule {rule} · {category} · {action}. Nothing is recorded or sent: sample messages stay in this window.',
  'admin.try.samples': 'Sample messages',
  'admin.try.samples.hint': 'One message per line.',
  'admin.try.results': 'Results',
  'admin.try.found.one': '✗ {count} finding',
  'admin.try.found.other': '✗ {count} findings',
  'admin.try.nothing': '✓ nothing',
  'admin.try.more.one': 'And {count} more message, not shown.',
  'admin.try.more.other': 'And {count} more messages, not shown.',
  'admin.try.problems': 'The rule cannot be tried as it is:',
  'admin.try.outOfScope': 'Out of the rule’s scope: it does not apply to the trial’s channel, hence no findings.',
  'admin.try.capped': 'Trial limited: some messages were left out or cut short.',
  'admin.impact.title': 'Estimated effect',
  'admin.impact.flags.one': 'Over the last {days} days: {count} flag would not have been raised.',
  'admin.impact.flags.other': 'Over the last {days} days: {count} flags would not have been raised.',
  'admin.impact.reminders.one': '≈ {count} reminder would not have been sent.',
  'admin.impact.reminders.other': '≈ {count} reminders would not have been sent.',
  'admin.impact.alerts.one': '≈ {count} moderator alert would not have been sent.',
  'admin.impact.alerts.other': '≈ {count} moderator alerts would not have been sent.',
  'admin.impact.none': 'Over the last {days} days: nothing would have changed.',
  'admin.impact.period': 'Over the last {days} days:',
  'admin.impact.moreReminders.one': '≈ {count} more reminder would have been sent.',
  'admin.impact.moreReminders.other': '≈ {count} more reminders would have been sent.',
  'admin.impact.moreAlerts.one': '≈ {count} more moderator alert would have been sent.',
  'admin.impact.moreAlerts.other': '≈ {count} more moderator alerts would have been sent.',
  'admin.impact.unknown': 'Impossible to estimate without reading the messages again, which we do not keep: use the trial above.',

  'admin.history.title': 'Rules history',
  'admin.history.intro': 'Each change is a version. Restoring a version creates a new one: nothing is deleted.',
  'admin.history.version': 'Version {id}',
  'admin.history.by': 'by {user}, {when}',
  'admin.history.source.slack': 'in Slack',
  'admin.history.source.cli': 'from the command line',
  'admin.history.source.rollback': 'rollback',
  'admin.history.restores': 'restores version {id}',
  'admin.history.current': 'current',
  'admin.history.noComment': 'no comment',
  'admin.history.comment': '“{comment}”',
  'admin.history.viewDiff': 'View diff',
  'admin.history.restore': 'Restore this version',
  'admin.history.confirm.title': 'Restore version {id}?',
  'admin.history.confirm.text': 'The rules will be those of version {id} again. A new version is created: nothing is deleted from the history.',
  'admin.history.confirm.yes': 'Restore',
  'admin.history.more': 'Older versions',
  'admin.history.empty': 'No versions yet: the rules are those of the original files.',
  'admin.history.diff.title': 'Changes in version {id}',
  'admin.history.diff.empty': 'No change to the rules in force.',
  'admin.history.diff.truncated.one': 'Diff truncated: {count} line not shown.',
  'admin.history.diff.truncated.other': 'Diff truncated: {count} lines not shown.',

  'admin.invalid.header': '⚠️ Rules refused',
  'admin.invalid.files.one': 'The change to {files} was refused: {count} problem.',
  'admin.invalid.files.other': 'The change to {files} was refused: {count} problems.',
  'admin.invalid.database.one': 'The latest saved version of the rules was refused: {count} problem.',
  'admin.invalid.database.other': 'The latest saved version of the rules was refused: {count} problems.',
  'admin.invalid.kept': 'The rules in force stay as they were.',
  'admin.invalid.more.one': 'And {count} more problem.',
  'admin.invalid.more.other': 'And {count} more problems.',
  'admin.invalid.fix.files': 'Fix the file, then check it with `npx charter-bot rules validate`.',
  'admin.invalid.fix.database': 'Go back to an earlier version from the rules history, in charter-bot’s Home tab.',
  'admin.saved': '✅ Saved: version {id}. The rules apply from now on.',
  'admin.notAdmin': 'Only admins can change the rules. This attempt has been recorded.',
  'admin.conflict': 'Another admin changed the rules in the meantime: nothing was saved. Open the rule again to start from the latest version.',
};

/** Every string, by language. FR and EN have the same keys and the same placeholders (tested). */
export const STRINGS: Readonly<Record<Lang, Readonly<Record<StringKey, string>>>> = { fr: FR, en: EN };

/** Placeholder values: mrkdwn or plain text, inserted as they are. */
export type Params = Readonly<Record<string, string | number>>;

/**
 * The string `key` in `lang`, with `{name}` placeholders filled from `params`. A placeholder
 * without a value is left as it is (and a test checks that views leave none).
 *
 * @example t('fr', 'reminder.readArticle', { number: '2.1' }) === 'Lire l’article 2.1'
 */
export function t(lang: Lang, key: StringKey, params: Params = {}): string {
  return fill(STRINGS[lang][key], params);
}

/** `key.one` for 0 and 1 in French, 1 in English; `key.other` otherwise; `{count}` is filled. */
export function plural(
  lang: Lang,
  key: PluralKey,
  count: number,
  params: Params = {},
): string {
  const one = lang === 'fr' ? Math.abs(count) < 2 : count === 1;
  return t(lang, `${key}.${one ? 'one' : 'other'}`, { ...params, count });
}

/** Keys that come in `.one` / `.other` forms. */
export type PluralKey = {
  [K in StringKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends StringKey ? Base : never) : never;
}[StringKey];

/** Fills `{name}` placeholders. */
export function fill(template: string, params: Params): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The placeholders a template uses, sorted. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z]+)\}/g)].map((match) => match[1] ?? '').sort();
}

/** A category's label, e.g. `Mot de passe`. */
export function categoryLabel(lang: Lang, category: Category): string {
  return t(lang, `category.${category}`);
}

/** A severity's label, e.g. `critique`. */
export function severityLabel(lang: Lang, severity: Severity): string {
  return t(lang, `severity.${severity}`);
}

/** A rule action's label, e.g. `rappel privé`, `🧪 trial (shadow)`. */
export function actionLabel(lang: Lang, action: Action): string {
  return t(lang, `admin.action.${action}`);
}

/** A flag status's label, e.g. `Confirmé`, `Dismissed (false positive)`. */
export function statusLabel(lang: Lang, status: FlagStatus): string {
  return t(lang, `status.${status}`);
}

/**
 * The language for a Slack locale: `fr-FR`, `fr-CA`, `fr` → `fr`; `en-US`, `en-GB` → `en`;
 * anything else (or nothing) → `fallback`.
 */
export function localeToLang(locale: string | undefined, fallback: Lang): Lang {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'fr') return 'fr';
  if (primary === 'en') return 'en';
  return fallback;
}

/** An ordinal number: `1er`, `3e` in French; `1st`, `3rd`, `11th` in English. */
export function ordinal(lang: Lang, n: number): string {
  if (lang === 'fr') return n === 1 ? '1er' : `${n}e`;
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

const DATE_FORMATS: Record<Lang, { locale: string; options: Intl.DateTimeFormatOptions }> = {
  fr: { locale: 'fr-FR', options: { day: '2-digit', month: '2-digit', year: 'numeric' } },
  en: { locale: 'en-GB', options: { day: 'numeric', month: 'short', year: 'numeric' } },
};

/**
 * A date in the language's usual form: `28/11/2026` in French, `28 Nov 2026` in English,
 * in `timeZone` (an IANA name; UTC when absent or unknown).
 */
export function formatDate(lang: Lang, at: number, timeZone?: string): string {
  const { locale, options } = DATE_FORMATS[lang];
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: validTimeZone(timeZone) }).format(new Date(at));
}

/**
 * Like {@link formatDate}, but `aujourd’hui` / `today` and `hier` / `yesterday` for the last two
 * days as seen from `now`.
 */
export function formatDay(lang: Lang, at: number, now: number, timeZone?: string): string {
  const day = formatDate(lang, at, timeZone);
  if (day === formatDate(lang, now, timeZone)) return t(lang, 'common.today');
  if (day === formatDate(lang, now - 86_400_000, timeZone)) return t(lang, 'common.yesterday');
  return day;
}

/** A time of day, 24-hour: `14:02` in both languages, in `timeZone` (UTC when absent or unknown). */
export function formatTime(lang: Lang, at: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(DATE_FORMATS[lang].locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: validTimeZone(timeZone),
  }).format(new Date(at));
}

function validTimeZone(timeZone: string | undefined): string {
  if (timeZone === undefined || timeZone === '') return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}
