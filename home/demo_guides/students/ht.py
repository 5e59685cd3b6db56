"""The students' guides in Haitian Creole: titles, summaries and each step's
sentence, by guide slug and step shot (the structure: __init__.py)."""

TEXTS = {
    "sign-in": {
        "title": "Konekte",
        "summary": "Louvri Harbor ak non itilizatè ak modpas pwofesè w la ba ou.",
        "student-sign-in": "Ekri non itilizatè ou ak modpas ou. Apre sa, peze Konekte.",
        "student-home": "Ou wè paj akèy ou: klas ou ak travay semèn sa a.",
    },
    "this-weeks-packet": {
        "title": "Jwenn pakèt semèn sa a",
        "summary": "Chak semèn, pwofesè w la mete yon nouvo pakèt sou entènèt.",
        "student-home": "Sou paj akèy ou, chèche klas ou ak pakèt semèn sa a.",
        "student-packet": "Peze pakèt la. Li l, gade foto yo epi aprann nouvo mo yo.",
    },
    "hand-in-a-photo": {
        "title": "Remèt yon foto travay ou",
        "summary": "Ou ekri sou papye? Pran yon foto epi voye l.",
        "student-photo-assignment": "Louvri devwa a nan pakèt ou.",
        "student-photo-form": "Pran yon foto papye ou ak bouton foto a, epi peze Remèt.",
    },
    "record-your-voice": {
        "title": "Anrejistre vwa ou",
        "summary": "Gen kèk devwa ki mande w pale angle.",
        "student-audio-assignment": "Louvri devwa pou pale a epi li sa pou w di.",
        "student-audio-form": "Peze Anrejistre vwa ou epi pale. Peze Kanpe, apre sa peze Remèt.",
    },
    "chat": {
        "title": "Chat ak klas ou",
        "summary": "Pratike angle ak lòt elèv klas ou yo. Pwofesè w la li chat la tou.",
        "student-class": "Louvri klas ou nan paj akèy ou epi peze Chat klas la.",
        "student-chat": "Ekri an angle epi peze Voye. Se pou w janti.",
    },
    "practise-cards": {
        "title": "Pratike mo ak kat",
        "summary": "Kèk minit chak jou ede w sonje nouvo mo yo.",
        "student-packet-cards-button": "Nan yon pakèt, peze Pratike mo ak kat mo.",
        "student-flashcards": "Gade mo a epi di l. Vire kat la: èske w te konnen l?",
    },
    "save-for-offline": {
        "title": "Li san entènèt",
        "summary": "Anrejistre yon pakèt sou telefòn ou. Ou ka li l san done.",
        "student-packet-save": "Louvri yon pakèt epi peze Anrejistre pou li san entènèt.",
        "student-saved-packets": "San entènèt, louvri Pake ki anrejistre epi peze pakèt ou.",
    },
}
