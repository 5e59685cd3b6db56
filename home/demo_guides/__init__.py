"""The demo's guides (/help/): what each one says, in English and, for the
students' guides, in Arabic and Spanish. Each step names its picture: a
screenshot of the running demo in this folder, `<shot>.png` (English) or
`<shot>.<language>.png`, taken by scripts/guide_screenshots.py. The
screenshots' list (who, where, which device) is in that script."""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
TRANSLATED = ("ar", "es")


def guide(slug, audience, title, summary, steps, before_sign_in=False):
    return {
        "slug": slug,
        "audience": audience,
        "title": title,
        "summary": summary,
        "steps": steps,
        "before_sign_in": before_sign_in,
    }


STUDENT_GUIDES = [
    guide(
        "sign-in",
        "students",
        {"en": "Sign in", "ar": "تسجيل الدخول", "es": "Iniciar sesión"},
        {
            "en": "Open Harbor with the username and password from your teacher.",
            "ar": "افتح Harbor باسم المستخدم وكلمة المرور من معلمك.",
            "es": "Abre Harbor con el usuario y la contraseña de tu maestro.",
        },
        [
            (
                "student-sign-in",
                {
                    "en": "Type your username and your password. Then tap Sign in.",
                    "ar": "اكتب اسم المستخدم وكلمة المرور. ثم اضغط تسجيل الدخول.",
                    "es": "Escribe tu usuario y tu contraseña. Luego toca Iniciar sesión.",
                },
            ),
            (
                "student-home",
                {
                    "en": "You see your home page: your class and this week's work.",
                    "ar": "ترى صفحتك الرئيسية: صفك وعمل هذا الأسبوع.",
                    "es": "Ves tu página de inicio: tu clase y el trabajo de esta semana.",
                },
            ),
        ],
        before_sign_in=True,
    ),
    guide(
        "this-weeks-packet",
        "students",
        {
            "en": "Find this week's packet",
            "ar": "ابحث عن درس هذا الأسبوع",
            "es": "Busca el paquete de esta semana",
        },
        {
            "en": "Your teacher puts a new packet online every week.",
            "ar": "يضع معلمك درسًا جديدًا كل أسبوع.",
            "es": "Tu maestro pone un paquete nuevo cada semana.",
        },
        [
            (
                "student-home",
                {
                    "en": "On your home page, find your class and this week's packet.",
                    "ar": "في صفحتك الرئيسية، ابحث عن صفك ودرس هذا الأسبوع.",
                    "es": "En tu página de inicio, busca tu clase y el paquete de esta semana.",
                },
            ),
            (
                "student-packet",
                {
                    "en": "Tap the packet. Read it, look at the pictures and learn the new words.",
                    "ar": "اضغط على الدرس. اقرأه وانظر إلى الصور وتعلم الكلمات الجديدة.",
                    "es": "Toca el paquete. Léelo, mira las fotos y aprende las palabras nuevas.",
                },
            ),
        ],
    ),
    guide(
        "hand-in-a-photo",
        "students",
        {
            "en": "Hand in a photo of your work",
            "ar": "أرسل صورة لعملك",
            "es": "Envía una foto de tu trabajo",
        },
        {
            "en": "Did you write on paper? Take a photo and send it.",
            "ar": "هل كتبت على الورق؟ التقط صورة وأرسلها.",
            "es": "¿Escribiste en papel? Toma una foto y envíala.",
        },
        [
            (
                "student-photo-assignment",
                {
                    "en": "Open the assignment from your packet.",
                    "ar": "افتح الواجب من درسك.",
                    "es": "Abre la tarea desde tu paquete.",
                },
            ),
            (
                "student-photo-form",
                {
                    "en": "Take a photo of your paper with the photo button, then tap Hand in.",
                    "ar": "التقط صورة لورقتك بزر الصورة، ثم اضغط سلّم.",
                    "es": "Toma una foto de tu papel con el botón de foto y toca Entregar.",
                },
            ),
        ],
    ),
    guide(
        "record-your-voice",
        "students",
        {"en": "Record your voice", "ar": "سجّل صوتك", "es": "Graba tu voz"},
        {
            "en": "Some assignments ask you to speak English.",
            "ar": "بعض الواجبات تطلب منك أن تتكلم الإنجليزية.",
            "es": "Algunas tareas te piden hablar en inglés.",
        },
        [
            (
                "student-audio-assignment",
                {
                    "en": "Open the speaking assignment and read what to say.",
                    "ar": "افتح واجب الكلام واقرأ ماذا تقول.",
                    "es": "Abre la tarea de hablar y lee qué decir.",
                },
            ),
            (
                "student-audio-form",
                {
                    "en": "Tap Record and speak. Tap Stop, then tap Hand in.",
                    "ar": "اضغط سجّل وتكلم. اضغط توقّف، ثم اضغط سلّم.",
                    "es": "Toca Grabar y habla. Toca Parar y luego toca Entregar.",
                },
            ),
        ],
    ),
    guide(
        "chat",
        "students",
        {"en": "Chat with your class", "ar": "تحدث مع صفك", "es": "Chatea con tu clase"},
        {
            "en": "Practise English with your classmates. Your teacher reads the chat too.",
            "ar": "تدرّب على الإنجليزية مع زملائك. معلمك يقرأ المحادثة أيضًا.",
            "es": "Practica inglés con tus compañeros. Tu maestro también lee el chat.",
        },
        [
            (
                "student-class",
                {
                    "en": "Open your class from your home page and tap Chat.",
                    "ar": "افتح صفك من صفحتك الرئيسية واضغط المحادثة.",
                    "es": "Abre tu clase desde tu página de inicio y toca Chat.",
                },
            ),
            (
                "student-chat",
                {
                    "en": "Write in English and tap Send. Be kind.",
                    "ar": "اكتب بالإنجليزية واضغط أرسل. كن لطيفًا.",
                    "es": "Escribe en inglés y toca Enviar. Sé amable.",
                },
            ),
        ],
    ),
    guide(
        "practise-cards",
        "students",
        {
            "en": "Practise words with cards",
            "ar": "تدرّب على الكلمات بالبطاقات",
            "es": "Practica palabras con tarjetas",
        },
        {
            "en": "A few minutes every day help you remember new words.",
            "ar": "دقائق قليلة كل يوم تساعدك على تذكر الكلمات الجديدة.",
            "es": "Unos minutos cada día te ayudan a recordar palabras nuevas.",
        },
        [
            (
                "student-packet-cards-button",
                {
                    "en": "In a packet, tap Practise words with flashcards.",
                    "ar": "في الدرس، اضغط زر البطاقات.",
                    "es": "En un paquete, toca Practicar palabras con tarjetas.",
                },
            ),
            (
                "student-flashcards",
                {
                    "en": "Look at the word and say it. Turn the card: did you know it?",
                    "ar": "انظر إلى الكلمة وقلها. اقلب البطاقة: هل عرفتها؟",
                    "es": "Mira la palabra y dila. Gira la tarjeta: ¿la sabías?",
                },
            ),
        ],
    ),
    guide(
        "save-for-offline",
        "students",
        {"en": "Read without internet", "ar": "اقرأ بدون إنترنت", "es": "Lee sin internet"},
        {
            "en": "Save a packet on your phone. You can read it with no data.",
            "ar": "احفظ الدرس على هاتفك. يمكنك قراءته بدون بيانات.",
            "es": "Guarda un paquete en tu teléfono. Puedes leerlo sin datos.",
        },
        [
            (
                "student-packet-save",
                {
                    "en": "Open a packet and tap Save for offline.",
                    "ar": "افتح الدرس واضغط احفظ للقراءة دون اتصال.",
                    "es": "Abre un paquete y toca Guardar para leer sin conexión.",
                },
            ),
            (
                "student-saved-packets",
                {
                    "en": "With no internet, open Saved packets and tap your packet.",
                    "ar": "بدون إنترنت، افتح الحزم المحفوظة واضغط على درسك.",
                    "es": "Sin internet, abre Paquetes guardados y toca tu paquete.",
                },
            ),
        ],
    ),
]
