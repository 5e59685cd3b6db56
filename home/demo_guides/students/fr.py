"""The students' guides in French: titles, summaries and each step's sentence,
by guide slug and step shot (the structure: __init__.py)."""

TEXTS = {
    "sign-in": {
        "title": "Se connecter",
        "summary": "Ouvrez Harbor avec le nom d’utilisateur et le mot de passe "
        "de votre enseignant.",
        "student-sign-in": "Écrivez votre nom d’utilisateur et votre mot de passe. "
        "Puis touchez Se connecter.",
        "student-home": "Vous voyez votre page d’accueil : votre classe "
        "et le travail de la semaine.",
    },
    "this-weeks-packet": {
        "title": "Trouver le dossier de la semaine",
        "summary": "Votre enseignant met un nouveau dossier en ligne chaque semaine.",
        "student-home": "Sur votre page d’accueil, trouvez votre classe "
        "et le dossier de la semaine.",
        "student-packet": "Touchez le dossier. Lisez-le, regardez les images "
        "et apprenez les nouveaux mots.",
    },
    "hand-in-a-photo": {
        "title": "Rendre une photo de votre travail",
        "summary": "Vous avez écrit sur papier ? Prenez une photo et envoyez-la.",
        "student-photo-assignment": "Ouvrez le devoir dans votre dossier.",
        "student-photo-form": "Prenez une photo de votre feuille avec le bouton photo, "
        "puis touchez Rendre.",
    },
    "record-your-voice": {
        "title": "Enregistrer votre voix",
        "summary": "Certains devoirs vous demandent de parler anglais.",
        "student-audio-assignment": "Ouvrez le devoir pour parler et lisez ce qu’il faut dire.",
        "student-audio-form": "Touchez Enregistrer et parlez. "
        "Touchez Arrêter, puis touchez Rendre.",
    },
    "chat": {
        "title": "Discuter avec votre classe",
        "summary": "Pratiquez l’anglais avec les autres apprenants. "
        "Votre enseignant lit aussi la discussion.",
        "student-class": "Ouvrez votre classe depuis votre page d’accueil "
        "et touchez Discussion de la classe.",
        "student-chat": "Écrivez en anglais et touchez Envoyer. Soyez aimable.",
    },
    "practise-cards": {
        "title": "Réviser les mots avec des cartes",
        "summary": "Quelques minutes chaque jour vous aident à retenir les nouveaux mots.",
        "student-packet-cards-button": "Dans un dossier, touchez Réviser les mots avec les cartes.",
        "student-flashcards": "Regardez le mot et dites-le. Retournez la carte : vous le saviez ?",
    },
    "save-for-offline": {
        "title": "Lire sans internet",
        "summary": "Enregistrez un dossier sur votre téléphone. Vous pouvez le lire sans données.",
        "student-packet-save": "Ouvrez un dossier et touchez Enregistrer pour lire hors ligne.",
        "student-saved-packets": "Sans internet, ouvrez Dossiers enregistrés "
        "et touchez votre dossier.",
    },
}
