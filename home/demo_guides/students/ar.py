"""The students' guides in Arabic: titles, summaries and each step's sentence,
by guide slug and step shot (the structure: __init__.py)."""

TEXTS = {
    "sign-in": {
        "title": "تسجيل الدخول",
        "summary": "افتح Harbor باسم المستخدم وكلمة المرور من معلمك.",
        "student-sign-in": "اكتب اسم المستخدم وكلمة المرور. ثم اضغط تسجيل الدخول.",
        "student-home": "ترى صفحتك الرئيسية: صفك وعمل هذا الأسبوع.",
    },
    "this-weeks-packet": {
        "title": "ابحث عن درس هذا الأسبوع",
        "summary": "يضع معلمك درسًا جديدًا كل أسبوع.",
        "student-home": "في صفحتك الرئيسية، ابحث عن صفك ودرس هذا الأسبوع.",
        "student-packet": "اضغط على الدرس. اقرأه وانظر إلى الصور وتعلم الكلمات الجديدة.",
    },
    "hand-in-a-photo": {
        "title": "أرسل صورة لعملك",
        "summary": "هل كتبت على الورق؟ التقط صورة وأرسلها.",
        "student-photo-assignment": "افتح الواجب من درسك.",
        "student-photo-form": "التقط صورة لورقتك بزر الصورة، ثم اضغط سلّم.",
    },
    "record-your-voice": {
        "title": "سجّل صوتك",
        "summary": "بعض الواجبات تطلب منك أن تتكلم الإنجليزية.",
        "student-audio-assignment": "افتح واجب الكلام واقرأ ماذا تقول.",
        "student-audio-form": "اضغط سجّل وتكلم. اضغط توقّف، ثم اضغط سلّم.",
    },
    "chat": {
        "title": "تحدث مع صفك",
        "summary": "تدرّب على الإنجليزية مع زملائك. معلمك يقرأ المحادثة أيضًا.",
        "student-class": "افتح صفك من صفحتك الرئيسية واضغط دردشة الصف.",
        "student-chat": "اكتب بالإنجليزية واضغط أرسل. كن لطيفًا.",
    },
    "practise-cards": {
        "title": "تدرّب على الكلمات بالبطاقات",
        "summary": "دقائق قليلة كل يوم تساعدك على تذكر الكلمات الجديدة.",
        "student-packet-cards-button": "في الدرس، اضغط زر البطاقات.",
        "student-flashcards": "انظر إلى الكلمة وقلها. اقلب البطاقة: هل عرفتها؟",
    },
    "save-for-offline": {
        "title": "اقرأ بدون إنترنت",
        "summary": "احفظ الدرس على هاتفك. يمكنك قراءته بدون بيانات.",
        "student-packet-save": "افتح الدرس واضغط احفظ للقراءة دون اتصال.",
        "student-saved-packets": "بدون إنترنت، افتح الحزم المحفوظة واضغط على درسك.",
    },
}
