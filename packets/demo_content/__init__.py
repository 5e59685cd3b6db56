"""Demo packets written for adult immigrant learners, two per level.

Each packet is plain data: vocabulary as "term | meaning | example" lines, a few
translations keyed by language code, a picture drawn by packets.demo_images, a
reading passage, and one assignment (every kind appears across the set).
"""

from packets.demo_content.beginning import BEGINNING_PACKETS
from packets.demo_content.intermediate import INTERMEDIATE_PACKETS

DEMO_PACKETS = [*BEGINNING_PACKETS, *INTERMEDIATE_PACKETS]

# A note every demo packet carries, in some of the students' languages.
STUDENT_NOTES = {
    "ar": "اقرأ الكلمات واستمع إليها في المنزل. إذا احتجت مساعدة، اسأل معلمتك في الصف.",
    "prs": "کلمه‌ها را در خانه بخوانید. اگر کمک لازم دارید، از معلم خود در صنف بپرسید.",
    "es": "Lee las palabras en casa. Si necesitas ayuda, pregunta a tu maestra en la clase.",
    "uk": "Прочитайте слова вдома. Якщо потрібна допомога, запитайте вчителя на уроці.",
    "fr": "Lisez les mots à la maison. Si vous avez besoin d'aide, demandez à votre professeur.",
}
