"""The students' guides in Spanish: titles, summaries and each step's sentence,
by guide slug and step shot (the structure: __init__.py)."""

TEXTS = {
    "sign-in": {
        "title": "Iniciar sesión",
        "summary": "Abre Harbor con el usuario y la contraseña de tu maestro.",
        "student-sign-in": "Escribe tu usuario y tu contraseña. Luego toca Iniciar sesión.",
        "student-home": "Ves tu página de inicio: tu clase y el trabajo de esta semana.",
    },
    "this-weeks-packet": {
        "title": "Busca el paquete de esta semana",
        "summary": "Tu maestro pone un paquete nuevo cada semana.",
        "student-home": "En tu página de inicio, busca tu clase y el paquete de esta semana.",
        "student-packet": "Toca el paquete. Léelo, mira las fotos y aprende las palabras nuevas.",
    },
    "hand-in-a-photo": {
        "title": "Envía una foto de tu trabajo",
        "summary": "¿Escribiste en papel? Toma una foto y envíala.",
        "student-photo-assignment": "Abre la tarea desde tu paquete.",
        "student-photo-form": "Toma una foto de tu papel con el botón de foto y toca Entregar.",
    },
    "record-your-voice": {
        "title": "Graba tu voz",
        "summary": "Algunas tareas te piden hablar en inglés.",
        "student-audio-assignment": "Abre la tarea de hablar y lee qué decir.",
        "student-audio-form": "Toca Grabar y habla. Toca Parar y luego toca Entregar.",
    },
    "chat": {
        "title": "Chatea con tu clase",
        "summary": "Practica inglés con tus compañeros. Tu maestro también lee el chat.",
        "student-class": "Abre tu clase desde tu página de inicio y toca Chat de la clase.",
        "student-chat": "Escribe en inglés y toca Enviar. Sé amable.",
    },
    "practise-cards": {
        "title": "Practica palabras con tarjetas",
        "summary": "Unos minutos cada día te ayudan a recordar palabras nuevas.",
        "student-packet-cards-button": "En un paquete, toca Practicar palabras con tarjetas.",
        "student-flashcards": "Mira la palabra y dila. Gira la tarjeta: ¿la sabías?",
    },
    "save-for-offline": {
        "title": "Lee sin internet",
        "summary": "Guarda un paquete en tu teléfono. Puedes leerlo sin datos.",
        "student-packet-save": "Abre un paquete y toca Guardar para leer sin conexión.",
        "student-saved-packets": "Sin internet, abre Paquetes guardados y toca tu paquete.",
    },
}
