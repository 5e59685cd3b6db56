"""Demo packets for levels 4-6 (low intermediate to advanced)."""

INTERMEDIATE_PACKETS = [
    {
        "level": "level-4",
        "slug": "a-job-application",
        "title": "A job application",
        "number": 1,
        "summary": "Fill in a job application: work history, availability and references.",
        "tags": ["work", "forms", "writing"],
        "picture": (
            "table",
            (
                "Job application",
                [["Name", "Maryam Noori"], ["Position", "Cook"], ["Start", "May 1"]],
            ),
            "A job application form with name, position and start date.",
        ),
        "reading": (
            "Maryam applies for a job",
            "Maryam wants to work as a cook in a hospital kitchen. The application asks for her "
            "work history, her availability and two references. In Kabul she cooked for a "
            "restaurant for six years. She is available on weekdays and Saturday mornings. "
            "Her English teacher and her neighbor agree to be her references.",
        ),
        "glossary": [("apply", "ask for a job in writing")],
        "words": [
            "application | a form you fill in to ask for a job | I filled in the application.",
            "position | a job | The position is full-time.",
            "experience | work you did before | I have six years of experience.",
            "availability | the days and hours you can work | My availability is Monday to Friday.",
            "reference | a person who can say you are a good worker | My teacher is my reference.",
            "full-time | about 40 hours a week | It is a full-time job.",
            "part-time | fewer hours than full-time | I want a part-time job.",
            "signature | your name written by your hand | Put your signature here.",
            "interview | a meeting to talk about a job | My interview is on Tuesday.",
        ],
        "translations": {
            "application": {"ar": "طلب", "es": "solicitud", "uk": "заява"},
            "interview": {"ar": "مقابلة", "prs": "مصاحبه", "es": "entrevista", "uk": "співбесіда"},
        },
        "assignment": {
            "slug": "my-work-history",
            "title": "My work history",
            "kind": "written",
            "due_in_days": 7,
            "points": 15,
            "instructions": "Write your last two jobs: the job, the place, the years, "
            "and one thing you did well.",
            "worksheet": ("Work history form", ["Job:", "Place:", "Years:", "What I did well:"]),
        },
    },
    {
        "level": "level-4",
        "slug": "calling-for-an-appointment",
        "title": "Calling for an appointment",
        "number": 2,
        "summary": "Phone phrases: ask for a time, change a time, and leave a message.",
        "tags": ["speaking", "phone"],
        "picture": (
            "speech",
            ("Can I come Monday?", "Yes, at 2:00."),
            "A phone call about a time.",
        ),
        "reading": (
            "Changing an appointment",
            "Diego has an appointment at the DMV on Thursday, but his boss needs him at work. "
            "He calls and says: I need to reschedule my appointment. The clerk offers Monday "
            "at 9:15. Diego says: That works for me. He writes the new time on his calendar.",
        ),
        "words": [
            "reschedule | change the time of a plan | I need to reschedule.",
            "available | free to do something | Are you available on Monday?",
            "confirm | say that something is sure | Please confirm your appointment.",
            "cancel | stop a plan | I want to cancel my appointment.",
            "message | words you leave for someone | Can I leave a message?",
            "call back | phone someone again | Please call me back.",
            "hold on | wait on the phone | Hold on, please.",
            "that works for me | that time is good for me | Monday at 9:15? That works for me.",
        ],
        "translations": {"cancel": {"ar": "إلغاء", "es": "cancelar", "uk": "скасувати"}},
        "assignment": {
            "slug": "leave-a-message",
            "title": "Leave a phone message",
            "kind": "audio",
            "due_in_days": 12,
            "points": 10,
            "instructions": "Record a message: say your name, your phone number, and that you "
            "need to reschedule your appointment.",
        },
    },
    {
        "level": "level-5",
        "slug": "calling-about-unemployment-benefits",
        "title": "Calling about unemployment benefits",
        "number": 1,
        "summary": "Understand the phone menu, explain your situation and ask about a claim.",
        "tags": ["benefits", "phone", "speaking"],
        "picture": (
            "table",
            (
                "Phone menu",
                [["Press 1", "New claim"], ["Press 2", "Payment"], ["Press 0", "Agent"]],
            ),
            "A phone menu: press 1, 2 or 0.",
        ),
        "reading": (
            "Where is my payment?",
            "Olena lost her job when the factory closed. She filed a claim for unemployment "
            "benefits three weeks ago, but she has not received a payment. She calls the "
            "unemployment office. A recording says: For payment questions, press 2. After "
            "twenty minutes on hold, an agent asks for her claim number and her date of birth. "
            "The agent explains that Olena must certify every week online.",
        ),
        "glossary": [("certify", "say officially that something is true")],
        "words": [
            "unemployment benefits | money you get when you lose your job | She gets benefits.",
            "claim | an official request for money | I filed a claim last week.",
            "laid off | lost a job because there is no work | I was laid off in March.",
            "on hold | waiting on the phone | I was on hold for twenty minutes.",
            "agent | a person who answers calls for an office | The agent was helpful.",
            "eligible | allowed to get something | Am I eligible for benefits?",
            "deadline | the last day to do something | The deadline is Friday.",
            "weekly certification | a form you send every week | Do your weekly certification.",
            "denied | not accepted | My claim was denied.",
            "appeal | ask to change a decision | You can appeal the decision.",
        ],
        "translations": {
            "deadline": {"ar": "الموعد النهائي", "es": "fecha límite", "uk": "термін"},
            "laid off": {"es": "despedido", "uk": "звільнений"},
        },
        "assignment": {
            "slug": "benefits-quiz",
            "title": "Benefits vocabulary quiz",
            "kind": "quiz",
            "due_in_days": 6,
            "points": 8,
            "instructions": "Answer the questions about the reading.",
            "questions": [
                ("mc", "Why did Olena lose her job?", ["She was late", "The factory closed"], 1),
                ("mc", "What must Olena do every week?", ["certify", "appeal", "move"], 0),
                ("fill", "If your claim is denied, you can ___.", "appeal"),
            ],
        },
    },
    {
        "level": "level-5",
        "slug": "an-email-to-your-supervisor",
        "title": "An email to your supervisor",
        "number": 2,
        "summary": "Write a short, polite email: asking for a day off or explaining an absence.",
        "tags": ["work", "writing"],
        "picture": ("sign", ("EMAIL", "blue", "To: Supervisor"), "An email icon."),
        "reading": (
            "Asking for a day off",
            "Dear Ms. Lee, I would like to request Friday, May 9 off. My daughter has a school "
            "meeting that morning. I have asked Tomás to cover my shift, and he agreed. "
            "Please let me know if this is possible. Thank you, Hassan.",
        ),
        "words": [
            "supervisor | the person who manages your work | My supervisor is Ms. Lee.",
            "request | ask for something politely | I would like to request a day off.",
            "shift | the hours you work in a day | My shift starts at 6:00.",
            "cover | do another person's work for them | Can you cover my shift?",
            "absence | a time you are not at work | Sorry for my absence yesterday.",
            "subject line | the short title of an email | Write a clear subject line.",
            "sincerely | a polite way to end a letter | Sincerely, Hassan",
            "attach | add a file to an email | I attached the doctor's note.",
        ],
        "translations": {"supervisor": {"ar": "مشرف", "es": "supervisor", "uk": "керівник"}},
        "assignment": {
            "slug": "write-a-request",
            "title": "Write a request email",
            "kind": "written",
            "due_in_days": 8,
            "points": 15,
            "instructions": "Write an email to your supervisor asking for one day off. "
            "Give the date, the reason, and who will cover your shift.",
        },
    },
    {
        "level": "level-6",
        "slug": "idioms-at-work",
        "title": "Idioms at work",
        "number": 1,
        "summary": "Everyday idioms you hear from coworkers, and what they really mean.",
        "tags": ["idioms", "work", "speaking"],
        "picture": ("speech", ("Break a leg!", "Thanks!"), "Two coworkers; one says break a leg."),
        "reading": (
            "My first week",
            "On my first day my manager said: Don't worry, you'll learn the ropes. By Wednesday "
            "I was swamped, so a coworker gave me a hand. On Friday we had a meeting and my "
            "manager said we were all on the same page. Now I can read between the lines.",
        ),
        "words": [
            "learn the ropes | learn how to do a job | You'll learn the ropes quickly.",
            "give someone a hand | help someone | Can you give me a hand?",
            "swamped | very busy | I'm swamped today.",
            "on the same page | agreeing, understanding the same thing | Are we on the same page?",
            "call it a day | stop working for today | Let's call it a day.",
            "a piece of cake | very easy | The test was a piece of cake.",
            "under the weather | a little sick | I'm feeling under the weather.",
            "break a leg | good luck | Break a leg at your interview!",
            "read between the lines | understand what is not said | Read between the lines.",
        ],
        "translations": {"a piece of cake": {"es": "pan comido", "fr": "du gâteau"}},
        "assignment": {
            "slug": "idioms-in-use",
            "title": "Idioms in use",
            "kind": "audio",
            "due_in_days": 9,
            "points": 10,
            "instructions": "Tell a short story from your work or home using three idioms.",
        },
    },
    {
        "level": "level-6",
        "slug": "reading-the-local-news",
        "title": "Reading the local news",
        "number": 2,
        "summary": "Headlines, main ideas and facts versus opinions in a local news story.",
        "tags": ["news", "reading"],
        "picture": ("letters", ("NEWS",), "The word NEWS in large letters."),
        "reading": (
            "City expands evening bus service",
            "Starting next month, the city will run buses until midnight on six routes. "
            "The transit agency says night-shift workers asked for the change. Council member "
            "Ruiz called it the best decision of the year. Some residents worry about the cost, "
            "which will be paid by a small increase in the fare.",
        ),
        "words": [
            "headline | the title of a news story | Read the headline first.",
            "main idea | the most important point | What is the main idea?",
            "fact | something that is true and can be checked | It is a fact that buses run late.",
            "opinion | what a person thinks | That is only his opinion.",
            "resident | a person who lives in a place | Residents went to the meeting.",
            "council | a group that makes decisions for a city | The council voted yes.",
            "expand | make bigger | The city will expand bus service.",
            "source | where information comes from | Check the source of the story.",
        ],
        "translations": {"opinion": {"ar": "رأي", "es": "opinión", "uk": "думка"}},
        "assignment": {
            "slug": "fact-or-opinion",
            "title": "Fact or opinion?",
            "kind": "photo",
            "due_in_days": 11,
            "points": 10,
            "instructions": "Find a local news story. On paper, write one fact and one opinion "
            "from it. Take a photo of your paper.",
        },
    },
]
