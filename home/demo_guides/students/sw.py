"""The students' guides in Swahili: titles, summaries and each step's sentence,
by guide slug and step shot (the structure: __init__.py)."""

TEXTS = {
    "sign-in": {
        "title": "Ingia",
        "summary": "Fungua Harbor kwa jina la mtumiaji na nenosiri kutoka kwa mwalimu wako.",
        "student-sign-in": "Andika jina lako la mtumiaji na nenosiri lako. Kisha gusa Ingia.",
        "student-home": "Unaona ukurasa wako wa mwanzo: darasa lako na kazi ya wiki hii.",
    },
    "this-weeks-packet": {
        "title": "Tafuta kifurushi cha wiki hii",
        "summary": "Mwalimu wako anaweka kifurushi kipya mtandaoni kila wiki.",
        "student-home": "Kwenye ukurasa wako wa mwanzo, tafuta darasa lako "
        "na kifurushi cha wiki hii.",
        "student-packet": "Gusa kifurushi. Kisome, angalia picha na ujifunze maneno mapya.",
    },
    "hand-in-a-photo": {
        "title": "Wasilisha picha ya kazi yako",
        "summary": "Uliandika kwenye karatasi? Piga picha na uitume.",
        "student-photo-assignment": "Fungua zoezi kutoka kwenye kifurushi chako.",
        "student-photo-form": "Piga picha ya karatasi yako kwa kitufe cha picha, "
        "kisha gusa Wasilisha.",
    },
    "record-your-voice": {
        "title": "Rekodi sauti yako",
        "summary": "Baadhi ya mazoezi yanakuomba uzungumze Kiingereza.",
        "student-audio-assignment": "Fungua zoezi la kuzungumza na usome unachopaswa kusema.",
        "student-audio-form": "Gusa Rekodi na uzungumze. Gusa Simamisha, kisha gusa Wasilisha.",
    },
    "chat": {
        "title": "Piga gumzo na darasa lako",
        "summary": "Fanya mazoezi ya Kiingereza na wanafunzi wenzako. "
        "Mwalimu wako pia anasoma gumzo.",
        "student-class": "Fungua darasa lako kutoka ukurasa wako wa mwanzo "
        "na uguse Gumzo la darasa.",
        "student-chat": "Andika kwa Kiingereza na uguse Tuma. Kuwa mpole.",
    },
    "practise-cards": {
        "title": "Fanya mazoezi ya maneno kwa kadi",
        "summary": "Dakika chache kila siku zinakusaidia kukumbuka maneno mapya.",
        "student-packet-cards-button": "Katika kifurushi, gusa Fanya mazoezi ya maneno kwa kadi.",
        "student-flashcards": "Angalia neno na ulitamke. Geuza kadi: ulilijua?",
    },
    "save-for-offline": {
        "title": "Soma bila intaneti",
        "summary": "Hifadhi kifurushi kwenye simu yako. Unaweza kukisoma bila data.",
        "student-packet-save": "Fungua kifurushi na uguse Hifadhi kusoma bila mtandao.",
        "student-saved-packets": "Bila intaneti, fungua Vifurushi vilivyohifadhiwa "
        "na uguse kifurushi chako.",
    },
}
