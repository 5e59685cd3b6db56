"""The students' guides in English: titles, summaries and each step's sentence,
by guide slug and step shot (the structure: __init__.py)."""

TEXTS = {
    "sign-in": {
        "title": "Sign in",
        "summary": "Open Harbor with the username and password from your teacher.",
        "student-sign-in": "Type your username and your password. Then tap Sign in.",
        "student-home": "You see your home page: your class and this week's work.",
    },
    "this-weeks-packet": {
        "title": "Find this week's packet",
        "summary": "Your teacher puts a new packet online every week.",
        "student-home": "On your home page, find your class and this week's packet.",
        "student-packet": "Tap the packet. Read it, look at the pictures and learn the new words.",
    },
    "hand-in-a-photo": {
        "title": "Hand in a photo of your work",
        "summary": "Did you write on paper? Take a photo and send it.",
        "student-photo-assignment": "Open the assignment from your packet.",
        "student-photo-form": "Take a photo of your paper with the photo button, then tap Hand in.",
    },
    "record-your-voice": {
        "title": "Record your voice",
        "summary": "Some assignments ask you to speak English.",
        "student-audio-assignment": "Open the speaking assignment and read what to say.",
        "student-audio-form": "Tap Record and speak. Tap Stop, then tap Hand in.",
    },
    "chat": {
        "title": "Chat with your class",
        "summary": "Practise English with your classmates. Your teacher reads the chat too.",
        "student-class": "Open your class from your home page and tap Class chat.",
        "student-chat": "Write in English and tap Send. Be kind.",
    },
    "practise-cards": {
        "title": "Practise words with cards",
        "summary": "A few minutes every day help you remember new words.",
        "student-packet-cards-button": "In a packet, tap Practise words with flashcards.",
        "student-flashcards": "Look at the word and say it. Turn the card: did you know it?",
    },
    "save-for-offline": {
        "title": "Read without internet",
        "summary": "Save a packet on your phone. You can read it with no data.",
        "student-packet-save": "Open a packet and tap Save for offline.",
        "student-saved-packets": "With no internet, open Saved packets and tap your packet.",
    },
}
