"""The words a document's lines are read with, per language of the news it cleans.

These are word *classes*, not phrases: a line is never removed because it holds one of
them; the model weighs how much of a line they make up, beside its length, punctuation and
neighbours (the jusText approach, Pomikálek 2011). Lower-case, as `\\w+` tokenizes them.

- stopwords: the language's function words (jusText's stoplists, `language.stopwords`):
  the share of them in a line is the classic "reads like prose" signal.
- web: the words page furniture is made of: share, subscribe, comment, cookie, login,
  advertisement, newsletter, menu, next/previous, follow, download…
- address: words that address the reader or speak for the publisher (you, your, we, our,
  us, and their kin; words that also mean "she" or "his", like German "sie" or Spanish
  "su", are left out): appeals ("Want more stories like this? Join our readers…") are
  written to the reader; news is written about third parties and quotes them (the "we"
  of quoted speech is the speaker's and is not counted: `lines.without_quotes`).
- publisher: the address words that are the first person plural ("we", "our"): with a
  "you" word, the voice of an appeal (`_PUBLISHER`, cleaners/appeal.py).
- call: verbs that open a call to action, in the imperative (or the infinitive some
  languages use for it): a line that starts with one speaks to the reader ("Listen to more
  audio stories in our app.", "Abonnieren Sie…"); a news sentence opens with its subject.

Why per language: one list for all languages made every language's function words furniture
in another's — Spanish "del" (of the) is Norwegian "share", French "les" (the) Norwegian
"read", Italian and Portuguese "e" (and) the "e" of "e-mail", French "ta" (your) a
Norwegian verb, English "Last week…" a Norwegian "download" — so a line of Spanish or
French prose carried furniture words, and a lead opening with "Last" was an appeal. A
document is read with the classes of its detected languages (`lexicon_for`), plus the
words every language's pages use (platform names, "newsletter", "podcast"); a document
whose language is unknown, or has no list here, gets the classes of all of them. Words
that are furniture only in a phrase ("lire aussi", "mehr zum Thema") are listed without
their common parts ("aussi", "mehr", "zum": prose is full of them).
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from newsclean.cleaners.language import SAME_LANGUAGE, function_words, proper_words, stopwords
from newsclean.cleaners.lines import UNSPACED_RUN_RE

# Platform and product words that stand, untranslated, on pages in every language.
_ANY_WEB = """
facebook twitter whatsapp pinterest linkedin instagram telegram reddit tumblr youtube tiktok
bluesky mastodon flipboard tweet retweet email mail newsletter newsletters rss javascript
cookie cookies podcast podcasts app apps login logout premium paywall menu video videos
audio tags min spotify deezer soundcloud
"""

# language -> (web, address, call), as lid.176 names the language (ISO 639-1).
_CLASSES = {
    "en": ("""
share shares shared sharing threads print subscribe subscribed subscriber subscribers
subscription subscriptions unsubscribe signup log sign password username account register
registration comment comments commenting reply replies privacy policy terms copyright
reserved advertisement advertising advert ads ad sponsored cancel submit permalink
navigation skip click tap download browser website required fields follow followers like
likes tagged trending popular related recommended loading previous next listen watch mins
play playing playback notifications alerts inbox unlock
""", """
you your yours yourself yourselves we our ours us ourselves
""", """
share subscribe sign follow listen watch download click tap join register log support donate
like comment enable allow install upgrade unlock discover explore sponsored send email
"""),
    "es": ("""
compartir comparte comentario comentarios suscríbete suscribirse suscripción suscriptor
publicidad responder registrarse iniciar sesión boletín relacionadas escuchar siguiente
anterior clic
""", """
usted ustedes tu tus te ti vosotros vuestro vuestra nosotros nuestro nuestra nuestros
nuestras
""", """
comparte compartir suscríbete suscribirse síguenos sigue escucha descarga regístrate apoya
haz únete inicia envía envíanos envíe da dale
seguí seguinos suscribite descargá sumate enterate registrate compartí escuchá hacé ingresá
"""),
    "fr": ("""
partager partagez commentaire commentaires abonnez abonner abonné abonnement publicité
connexion répondre inscrivez inscription lire écouter suivant précédent
""", """
vous votre vos toi ton ta tes nous notre nos
""", """
partagez partager abonnez suivez écoutez téléchargez inscrivez soutenez cliquez rejoignez
découvrez envoyez
"""),
    "de": ("""
teilen kommentar kommentare kommentieren abonnieren abonnement anmelden werbung anzeige
antworten datenschutz impressum weiterlesen thema artikel anhören vorlesen nächste vorherige
einloggen registrieren plus
""", """
du dein deine deinen dir dich wir unser unsere unseren unserem unserer unseres uns euch
euer
""", """
teilen abonnieren folgen folgt hören laden registrieren unterstützen klicken melden
entdecken schicken senden schickt
"""),
    "it": ("""
condividi commenta commenti iscriviti abbonati abbonamento pubblicità accedi registrati
leggi ascolta successivo precedente
""", """
tu ti te voi vostro vostra vostri tuo tua tuoi noi nostro nostra nostri nostre
""", """
condividi iscriviti abbonati seguici ascolta scarica registrati sostieni clicca scopri invia inviaci inviate
"""),
    "pt": ("""
compartilhe compartilhar comentário comentários assine assinante inscreva publicidade
responder
""", """
você vocês seu sua seus suas teu tua nós nosso nossa nossos nossas
""", """
compartilhe assine siga ouça baixe cadastre apoie clique inscreva envie mande
partilhe subscreva receba descarregue registe junte
"""),
    "nl": ("""
delen reageer reacties abonneer abonnement advertentie inloggen registreer lees nieuwsbrief
""", """
jij je jou jouw u uw wij we ons onze
""", """
deel abonneer volg luister download registreer steun klik stuur mail
"""),
    "sv": ("""
dela kommentera kommentarer prenumerera annons logga läs nyhetsbrev
""", """
du dig din ditt dina ni er ert era vi oss vår vårt våra
""", """
dela prenumerera följ lyssna ladda registrera stöd klicka skicka mejla kontakta tipsa
"""),
    "no": ("""
del kommenter kommentarer abonner annonse reklame logg les nyhetsbrev podkast podkasten
podden episode episoden
""", """
du deg din ditt dine dere vi oss vår vårt våre
""", """
del abonner følg lytt hør last registrer støtt klikk send
"""),
    "da": ("""
del kommenter kommentarer abonner annonce reklame log læs nyhedsbrev
""", """
du dig din dit dine jer vi os vores
""", """
del abonner følg lyt hent registrer støt klik send
"""),
    "pl": ("""
udostępnij komentarz komentarze subskrybuj reklama zaloguj czytaj aplikacja aplikację
aplikacji powiadomienia prenumerata prenumeratę prenumeraty subskrypcja subskrypcję
""", """
ty ciebie cię tobie tobą twój twoja twoje twojego twojemu twoim twojej twoją twoi twoich
twoimi wy was wam wami wasz wasza wasze waszego waszemu waszym waszej waszą wasi waszych
waszymi my nas nam nami nasz nasza nasze naszego naszemu naszym naszej naszą nasi naszych
naszymi
""", """
udostępnij subskrybuj obserwuj posłuchaj pobierz zarejestruj wesprzyj kliknij wyślij przyślij
zapisz zapiszcie dołącz dołączcie wspieraj wspierajcie wykup wykupcie
"""),
    "cs": ("""
sdílet komentář komentáře předplatné reklama přihlásit čtěte
""", """
vy vás vám vámi váš vaše vašeho vašemu vašem vaším vaši vaší vašich vašim vašimi my nás nám
námi náš naše našeho našemu našem naším naši naší našich našim našimi
""", """
sdílejte předplaťte sledujte poslechněte stáhněte zaregistrujte podpořte klikněte pošlete
přihlaste odebírejte přidejte
"""),
    "sk": ("""
zdieľať komentár komentáre predplatné reklama prihlásiť čítajte aplikáciu aplikácia
""", """
vy vás vám vami váš vaša vaše vášho vášmu vašom vaším vaši vašich vašim vašimi my nás nám
nami náš naša naše nášho nášmu našom naším naši našich našim našimi
""", """
zdieľajte predplaťte sledujte vypočujte stiahnite zaregistrujte podporte kliknite pošlite
prihláste odoberajte pridajte
"""),
    # Croatian; Serbian and Bosnian in Latin script write these words alike
    "hr": ("""
podijeli podijelite komentar komentari komentiraj pretplata oglas reklama prijava
registracija aplikaciju aplikacija odgovori pročitajte čitajte sljedeći prethodni
""", """
vi vas vama vaš vaša vaše vašeg vašem vašu vaši vaših ti tebe tebi tvoj tvoja tvoje mi nas
nama naš naša naše našeg našem našu naši naših našim
""", """
podijelite pretplatite pratite poslušajte preuzmite registrirajte podržite kliknite
pošaljite prijavite pridružite otkrijte
"""),
    "bg": ("""
сподели споделете коментар коментари абонамент реклама вход регистрация приложението
приложение прочетете следваща предишна
""", """
вие вас вам ви ваш ваша ваше ваши ти теб тебе твой твоя твое твои ние нас нам ни наш наша
наше наши
""", """
споделете абонирайте последвайте следвайте слушайте изтеглете регистрирайте подкрепете
кликнете изпратете присъединете
"""),
    "tr": ("""
paylaş yorum yorumlar abone reklam giriş ilginizi bülten
""", """
siz sizin biz bizim
""", """
paylaş abone takip dinle indir kaydol destekle tıkla gönderin
"""),
    "ru": ("""
поделиться комментарий комментарии подписаться подписка реклама войти читайте рассылка
""", """
вы вас вам вами ваш ваша ваше ваши вашего вашему вашим вашем вашей вашу ваших мы нас нам нами
наш наша наше наши нашего нашему нашим нашем нашей нашу наших
""", """
поделитесь подпишитесь подписывайтесь слушайте скачайте зарегистрируйтесь поддержите нажмите
присоединяйтесь следите оформите станьте присылайте отправьте пишите
"""),
    "uk": ("""
поділитися коментар коментарі коментарів підписатися підписка передплата реклама увійти
читайте розсилка
""", """
ви вас вам вами ваш ваша ваше ваші вашого вашому вашим вашій вашу ваших вашої ми нас нам
нами наш наша наше наші нашого нашому нашим нашій нашу наших нашої
""", """
поділіться підпишіться підписуйтесь слухайте завантажуйте зареєструйтеся підтримайте
натисніть стежте слідкуйте приєднуйтесь приєднуйтеся долучайтеся станьте зробіть оформіть надсилайте пишіть
"""),
    "ro": ("""
distribuie comentariu comentarii comentează abonează abonare abonament publicitate
autentificare înregistrare citește newsletterul
""", """
tu ta tău tale te vă vostru voastră voștri voastre nostru noastră noștri noastre dumneavoastră
""", """
distribuie abonează urmărește ascultă descarcă înregistrează susține apasă citește vezi
alătură trimite trimiteți
"""),
    "el": ("""
κοινοποίηση κοινοποιηση σχόλια σχολια σχόλιο σχολιο εγγραφή εγγραφη συνδρομή συνδρομη
διαφήμιση διαφημιση σύνδεση συνδεση διαβάστε διαβαστε μενού μενου αναζήτηση αναζητηση
""", """
εσείς εσύ σας εμείς μας
""", """
κοινοποιήστε εγγραφείτε ακολουθήστε ακούστε κατεβάστε στηρίξτε πατήστε διαβάστε δείτε στείλτε
"""),
    "hu": ("""
megosztás megosztom hozzászólás hozzászólások komment kommentek feliratkozás előfizetés
előfizetek hirdetés reklám bejelentkezés belépés regisztráció hírlevél hírlevelünkre
kapcsolódó menü keresés
""", """
ön önt önnek önök önöket maga magát te téged neked ti titeket nektek minket bennünket nekünk
""", """
ossza oszd iratkozzon iratkozz fizessen fizess kövessen kövess hallgassa hallgasd töltse
töltsd támogassa támogasd kattintson kattints csatlakozzon csatlakozz regisztráljon
jelentkezzen olvassa olvasd nézze nézd küldje küldjön
"""),
    "ca": ("""
comparteix compartir comentari comentaris subscriu subscriure subscripció subscriptor
publicitat respon registra registrar sessió butlletí relacionades llegeix escolta següent
anterior
""", """
tu teu teva teus teves vosaltres vostre vostra vostres nosaltres nostre nostra nostres
te us ens ns
""", """
comparteix subscriu segueix escolta descarrega registra fes uneix clica descobreix envia
ajuda
"""),
    # Arabic pages write platform names in Arabic script, and address their readers in the
    # plural imperative ("تابعوا", follow)
    "ar": ("""
شارك تعليق تعليقات اشترك اشتراك إعلان تسجيل الدخول اقرأ المزيد
واتساب فيسبوك يوتيوب تيليجرام تلغرام إنستغرام انستغرام تويتر تطبيق
""", """
أنت أنتم لك لكم نحن لنا
""", """
شارك اشترك تابعنا تابع استمع حمل سجل ادعم اضغط
تابعوا شاركوا اشتركوا استمعوا حملوا سجلوا ادعموا اضغطوا أرسل
"""),
    "fa": ("""
اشتراک‌گذاری اشتراکگذاری بخوانید برچسب‌ها برچسبها پربازدیدترین پربازدیدترین‌ها پربازدیدترینها
خبرنامه کوکی کپی لینک تبلیغات آگهی تلگرام واتساپ ایتا روبیکا اینستاگرام
""", """
شما ما تو
""", """
بخوانید ببینید بشنوید بپیوندید کلیک دانلود بفرستید
"""),
    "he": ("""
שתפו שיתוף תגובות טוקבקים פרסומת ניוזלטר הירשמו התחברות הרשמה תגיות עוגיות מנוי
פייסבוק וואטסאפ טוויטר טלגרם
""", """
אתה אתם אתן שלך שלכם אנחנו אנו שלנו לכם אותך אתכם
""", """
שתפו הירשמו עקבו הורידו היכנסו שלחו
"""),
    "fi": ("""
kommentti kommentit kommentoi mainos mainokset kirjaudu rekisteröidy uutiskirje uutiskirjeen
evästeet jaa
""", """
sinä sinun sinua sinulle te teidän teille me meidän meille meitä
""", """
jaa tilaa seuraa kuuntele katso lataa kirjaudu rekisteröidy klikkaa tue liity lähetä kokeile
"""),
    "id": ("""
bagikan komentar komentari berlangganan langganan iklan masuk daftar baca selanjutnya
sebelumnya terkait unduh update grup
""", """
anda kamu kalian kita kami
""", """
bagikan berlangganan ikuti dengarkan tonton unduh daftar klik dukung gabung temukan simak kirim kirimkan
dapatkan bergabunglah kunjungi
"""),
    "hi": ("""
शेयर कमेंट कमेंट्स टिप्पणी टिप्पणियां सब्सक्राइब विज्ञापन लॉगिन डाउनलोड फॉलो पढ़ें न्यूज़लेटर लिंक
कॉपी
""", """
आप आपका आपकी आपके आपको हम हमारा हमारी हमारे हमें तुम
""", """
शेयर सब्सक्राइब फॉलो डाउनलोड क्लिक पढ़ें देखें सुनें जुड़ें भेजें
"""),
    # Malay (blind trial v: "Ikuti saluran WhatsApp kami untuk berita terkini: Klik di sini"
    # stayed, the page read with English's words)
    "ms": ("""
kongsi komen ulasan langgan melanggan iklan log masuk daftar baca seterusnya sebelumnya
berkaitan muat turun saluran
""", """
anda awak kamu kami kita
""", """
kongsi langgan ikuti dengar tonton muat daftar klik sokong sertai hantar layari
"""),
    # Urdu, Bengali, Filipino (blind trial v): the follow calls and the "read also" labels
    # of their pages ("ہمارے واٹس ایپ چینل کو فالو کریں…", "গুগল নিউজে … ফলো করুন")
    "ur": ("""
شیئر تبصرہ تبصرے اشتہار سبسکرائب لاگ ڈاؤن لوڈ فالو پڑھیں نیوز لیٹر لنک کاپی چینل واٹس
""", """
آپ آپکا آپکی آپکے تم تمہارا تمہاری ہم ہمارا ہماری ہمارے ہمیں
""", """
شیئر سبسکرائب فالو ڈاؤن کلک پڑھیں دیکھیں سنیں جڑیں بھیجیں جوائن
"""),
    "bn": ("""
শেয়ার শেয়ার মন্তব্য বিজ্ঞাপন সাবস্ক্রাইব লগইন ডাউনলোড ফলো পড়ুন নিউজলেটার লিংক লিঙ্ক কপি
""", """
আপনি আপনার আপনাকে তুমি তোমার আমরা আমাদের আমাদেরকে
""", """
শেয়ার শেয়ার সাবস্ক্রাইব ফলো ডাউনলোড ক্লিক পড়ুন দেখুন শুনুন যুক্ত পাঠান
"""),
    "tl": ("""
ibahagi komento komentaryo anunsyo subscribe log basahin susunod nakaraan kaugnay download
follow share like
""", """
ikaw kayo ninyo inyong iyong kami namin amin aming
""", """
basahin panoorin pakinggan ibahagi follow share like subscribe click download sumali
"""),
    "sw": ("""
shiriki maoni toa jiandikishe jisajili ingia akaunti tangazo matangazo jarida pakua
inayohusiana zinazohusiana tufuate tufuatilie bofya gusa sikiliza tazama inayofuata
iliyotangulia
""", """
wewe yako zako lako chako vyako kwako nawe sisi nasi yetu zetu letu chetu vyetu kwetu
""", """
jiunge jiandikishe jisajili pakua fuata tufuate tufuatilie shiriki sikiliza tazama bofya gusa
soma changia tuma ingia pata
"""),
    "ko": ("""
공유 공유하기 댓글 구독 구독하기 광고 로그인 회원가입 관련기사 추천 이전 다음 기사 더보기
뉴스레터 알림
""", """
여러분 당신
""", """
공유하기 구독하기 클릭 다운로드 팔로우 보내
"""),
}
# The address words of each language (the second list above) that are the first person
# plural: the publisher's "we" and "our", apart from the reader's "you". An appeal has both
# voices ("Sign up to our free email", "we rely on readers like you"); a story speaks about
# third parties (cleaners/appeal.py). Korean: none listed (pro-drop, honorifics); Hungarian
# drops the subject, but "us" is a word ("kövessen minket", follow us).
_PUBLISHER = {
    "en": "we our ours us ourselves",
    "es": "nosotros nuestro nuestra nuestros nuestras",
    "fr": "nous notre nos",
    "de": "wir unser unsere unseren unserem unserer unseres uns",
    "it": "noi nostro nostra nostri nostre",
    "ca": "nosaltres nostre nostra nostres ens ns",
    "pt": "nós nosso nossa nossos nossas",
    "nl": "wij we ons onze",
    "sv": "vi oss vår vårt våra",
    "no": "vi oss vår vårt våre",
    "da": "vi os vores",
    "pl": "my nas nam nami nasz nasza nasze naszego naszemu naszym naszej naszą nasi naszych "
          "naszymi",
    "cs": "my nás nám námi náš naše našeho našemu našem naším naši naší našich našim našimi",
    "sk": "my nás nám nami náš naša naše nášho nášmu našom naším naši našich našim našimi",
    "hr": "mi nas nama naš naša naše našeg našem našu naši naših našim",
    "bg": "ние нас нам ни наш наша наше наши",
    "tr": "biz bizim",
    "ru": "мы нас нам нами наш наша наше наши нашего нашему нашим нашем нашей нашу наших",
    "uk": "ми нас нам нами наш наша наше наші нашого нашому нашим нашій нашу наших нашої",
    "ro": "nostru noastră noștri noastre",
    "el": "εμείς μας",
    "ar": "نحن لنا",
    "fa": "ما",
    "he": "אנחנו אנו שלנו",
    "fi": "me meidän meille meitä",
    "id": "kita kami",
    "hi": "हम हमारा हमारी हमारे हमें",
    "ms": "kami kita",
    "ur": "ہم ہمارا ہماری ہمارے ہمیں",
    "bn": "আমরা আমাদের আমাদেরকে",
    "tl": "kami namin amin aming",
    "hu": "minket bennünket nekünk",
}
# What a publisher's appeal asks of its reader besides the page's furniture (the web and
# call classes, which the line model reads too): money, membership, an email in the inbox.
# Read only by cleaners/appeal.py, beside the "we" and "you" words: "please make a gift
# today", "become a Courier member", "jeden Abend kompakt in Ihrem Postfach", "gratis in je
# mailbox", "colabora con nosotros desde 5 euros al mes". A story's quoted "we" and "you"
# are left out before these count (`lines.without_quotes`). Blind-written appeals caught:
# 4 more of 12 leaking; dev outputs: one more boilerplate paragraph gone (html-dev text
# sh-ff0f958 0.911 -> 0.915), none of a gold paragraph.
_PITCH = {
    "en": "gift donation donations contribute contribution member members membership "
          "supporter supporters newsroom journalism mailbox email",
    "es": "colabora colaborar donación donativo socio socia socios suscriptor suscriptora "
          "apúntate periodismo redacción correo",
    "fr": "don dons soutenez contribuez abonné abonnée abonnez adhérent rédaction journalisme "
          "boîte courriel",
    "de": "spende spenden unterstützen unterstützer mitglied mitgliedschaft abonnent "
          "abonnieren redaktion journalismus postfach",
    "ca": "donació donatiu soci sòcia socis subscriptor subscriptora subscriu redacció "
          "periodisme correu",
    "it": "donazione dona sostieni abbonato abbonati abbonamento iscriviti redazione giornalismo "
          "casella",
    "pt": "doação doe contribua apoie assinante assinantes assine redação jornalismo caixa",
    "nl": "donatie doneer steun lid abonnee abonneer redactie journalistiek mailbox inbox",
    "sv": "stöd bidra prenumerant prenumerera medlem redaktionen journalistik inkorg",
    "no": "støtt bidra abonnent abonner medlem redaksjonen journalistikk innboks",
    "da": "støt bidrag abonnent abonner medlem redaktionen journalistik indbakke",
    "pl": "wesprzyj wpłać darowizna prenumerata subskrybuj redakcja dziennikarstwo skrzynkę",
    "ar": "النشرة البريدية بريدك تبرع تبرعك اشتراكك",
    "tr": "bağış bağışta destekçi abonelik abonelikle üyelik gazetecilik",
    "ko": "후원 후원금 정기후원 기부 회원 구독 구독료 언론 저널리즘",
    "el": "δημοσιογραφία δημοσιογραφίας συνεισφορά συνεισφορά δωρεά συνδρομή συνδρομητής "
          "συνδρομητές μέλος ενημερωτικό",
    "hi": "सदस्यता सब्सक्रिप्शन दान सहयोग योगदान न्यूज़लेटर ईमेल",
    "ru": "поддержите пожертвование подписчик подписчиком подпишитесь редакция журналистику "
          "почту",
}
# The words a cross-link's label points the reader to another story with: also, more,
# read, don't miss, may interest you, recommended, related, on the same topic, earlier.
# Read only by cleaners/crosslink.py, in a short label before a separator and another
# story's headline ("Vale a leitura → …", "Jangan lewatkan: …", "Tästä aiheesta aiemmin:
# …"): the packs' label phrases name the common wordings, these words the ones a site makes
# up (blind trials s and t: 18 labels in 16 languages no pack phrase named). A subhead with
# a colon ("Magdeburg: Ältere Straßenbahnen nicht Hitze-bereit") names a place, a person or
# a stage, not one of these. Words of scripts without spaces (Chinese, Japanese, Thai) are
# found inside the label's run of characters. Not the language's commonest particles
# (Turkish "da", Hungarian "is", Romanian "și"): a label holds a content word beside them.
# The languages from "ka" on: blind trials be and bf (Georgian "ასევე წაიკითხეთ:", Amharic
# "ተዛማጅ፦", Armenian "Կարդացեք նաև", Telugu "ఇవి కూడా చదవండి", Marathi "हेही वाचा" stayed),
# the other languages with a jusText stoplist that lid.176 names, and si, so, km, lo
# ("similar", "on the topic" too: az "Oxşar xəbərlər", sq "Lajme të ngjashme" over two
# headlines: fresh-user check #30).
_REFER = {
    "en": "also more read reading related recommended recommend interest interested "
          "interesting miss missed topic earlier previously further worth continued",
    "de": "auch mehr lesen lesenswert lesetipp empfehlung empfehlungen empfohlen empfehlen "
          "interessant interessiert interessieren thema themen verpassen verpasst "
          "weiterlesen zuvor passend",
    "fr": "aussi lire également plus recommandé recommandés recommandées intéresser "
          "intéressera sujet thème manquer ratez manquez associés liés précédemment",
    "es": "también leer lee más relacionado relacionada relacionadas relacionados "
          "recomendado recomendados recomendamos interesar interesa interesarte tema "
          "perderte pierdas pierda anteriormente lectura",
    "ca": "també llegeix llegir més relacionat relacionats recomanem interessar tema perdis",
    "it": "anche leggi leggere più correlati correlato correlate consigliati consigliamo "
          "interessare interessarti interessa tema argomento perdere lettura",
    "pt": "também leia leitura mais relacionado relacionada relacionadas relacionados "
          "recomendado recomendados recomendamos interessar interessa tema perca perder "
          "veja anteriormente",
    "nl": "ook lees lezen meer gerelateerd aanbevolen interessant onderwerp thema gemist "
          "eerder",
    "sv": "även också läs mer relaterat relaterade rekommenderat rekommenderade intressant "
          "ämnet ämne missa tidigare",
    "no": "også les mer relatert relaterte anbefalt interessant temaet tema glipp tidligere",
    "da": "også læs mere relateret relaterede anbefalet interessant emne emnet glip "
          "tidligere",
    "pl": "też także czytaj przeczytaj więcej powiązane polecamy polecane zainteresuje "
          "zainteresować interesuje temat tematu temacie przegap przegapić wcześniej",
    "cs": "také čtěte přečtěte více související doporučujeme zajímat zajímavé téma tématu "
          "nepřehlédněte dříve",
    "sk": "tiež čítajte prečítajte viac súvisiace odporúčame zaujímať téma téme "
          "nepremeškajte",
    "hr": "također još čitajte pročitajte povezano povezane preporučujemo zanimljivo temi "
          "tema propustite",
    "sr": "takođe još čitajte pročitajte povezano povezane preporučujemo zanimljivo temi "
          "tema propustite",
    "sl": "tudi še preberite berite povezano priporočamo zanimivo temi tema zamudite",
    "ro": "citește citiți citeste legate recomandăm recomandate interesa temă tema ratați "
          "ratezi anterior",
    "hu": "még olvassa olvasd olvasson kapcsolódó ajánljuk ajánló ajánlott érdekelhet "
          "érdekes témában téma témához korábban lemaradjon",
    "fi": "myös lue lisää aiheesta aihe aiheeseen liittyvät suosittelemme kiinnostaa "
          "kiinnostavaa aiemmin missaa",
    "et": "loe veel ka seotud soovitame teemal huvitav varem",
    "lt": "skaitykite skaityti daugiau susiję susijusios rekomenduojame tema "
          "temą praleiskite",
    "lv": "lasi lasiet vairāk saistītie saistītās iesakām tēma tēmu palaid",
    "tr": "ayrıca oku okuyun okumak daha ilgili ilginizi önerilen öneriyoruz "
          "konu konuyla kaçırmayın benzer",
    "el": "επίσης διαβάστε περισσότερα σχετικά προτείνουμε ενδιαφέρον θέμα χάσετε",
    "ru": "также тоже читайте читать ещё еще больше теме тему связанные рекомендуем "
          "интересно интересует пропустите продолжение ранее",
    "uk": "також теж читайте читати ще більше темі тему пов'язані рекомендуємо цікаво "
          "пропустіть продовження раніше",
    "bg": "също още четете прочетете свързани препоръчваме интересно тема пропускайте",
    "ar": "أيضا أيضاً اقرأ إقرأ المزيد صلة مواضيع موضوع يهمك تفوت",
    "fa": "بخوانید بیشتر مرتبط پیشنهادی ندهید",
    "he": "גם קראו עוד נוספות נוספים קשורות קשורים מומלץ מומלצות נושא תפספסו",
    "hi": "भी पढ़ें पढ़िए संबंधित सुझाव विषय",
    "id": "juga baca lainnya terkait rekomendasi menarik topik lewatkan sebelumnya",
    "ms": "juga baca lain berkaitan disyorkan menarik topik terlepas sebelum",
    "ur": "پڑھیں پڑھیے متعلقہ مزید",
    "bn": "পড়ুন আরও আরো সম্পর্কিত প্রাসঙ্গিক",
    "tl": "basahin kaugnay",
    "sw": "pia soma zaidi inayohusiana husiana mada",
    "vi": "đọc thêm liên lỡ",
    "ta": "படிக்க மேலும் தொடர்புடைய",
    "ko": "관련 추천 함께 읽을 더보기",
    "zh": "相关 推荐 关心 阅读 延伸 更多 感兴趣 另见 关注",
    "ja": "関連 おすすめ 読む あわせて 合わせて こちらも",
    "th": "อ่าน เพิ่มเติม เกี่ยวข้อง แนะนำ",
    "ka": "ასევე წაიკითხეთ წაიკითხე მსგავსი დაკავშირებული",
    "hy": "կարդացեք կարդալ նաև առնչվող ավելին",
    "az": "oxuyun oxu həmçinin əlaqəli oxşar",
    "kk": "оқыңыз оқы байланысты",
    "uz": "shuningdek tegishli",
    "mk": "прочитајте читајте исто поврзани поврзано повеќе",
    "sq": "lexo lexoni gjithashtu lidhura ngjashme",
    "be": "чытайце таксама звязаныя тэме",
    "gl": "tamén le ler relacionado relacionados",
    "eu": "irakurri gehiago lotutako",
    "cy": "darllenwch hefyd perthnasol",
    "af": "lees ook verwante meer",
    "mr": "वाचा संबंधित",
    "ne": "पढ्नुहोस् थप सम्बन्धित",
    "te": "చదవండి సంబంధిత మరిన్ని",
    "kn": "ಓದಿ ಸಂಬಂಧಿತ",
    "ml": "വായിക്കുക വായിക്കൂ ബന്ധപ്പെട്ട കൂടുതൽ",
    "gu": "વાંચો સંબંધિત",
    "pa": "ਪੜ੍ਹੋ ਸਬੰਧਤ",
    "am": "ተዛማጅ ያንብቡ ተጨማሪ",
    "si": "කියවන්න ආශ්‍රිත",
    "so": "akhri akhriso xiriira",
    "km": "អាន បន្ថែម ពាក់ព័ន្ធ",
    "lo": "ອ່ານ ຕື່ມ ກ່ຽວຂ້ອງ",
}
# German writes the formal "you" with a capital (Sie, Ihr, Ihnen); inside a sentence the
# capital tells it from "sie" (she, they) and "ihr" (her, their), which the address class
# leaves out for that reason.
_FORMAL_YOU = {"de": re.compile(
    r"(?<=[^.!?:;\s\"“„«]\s)(?:Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres|Ihnen)\b")}
# Italian and Spanish imperatives carry their object pronouns as a suffix ("scaricala",
# "sostienilo", "descárgala", "síguenos": download it, support it, follow us), Spanish with
# a written accent the bare form has not; Catalan, Portuguese and Romanian hyphenate them
# ("descarrega-la", "baixe-o"), so the call word stands alone there. Longest first.
_CLITICS = {
    "it": "glielo gliela glieli gliele lo la li le ci vi ne mi ti si gli",
    "es": "nosla noslo selo sela los las les nos lo la le me te se os",
}
# A clitic is read off a word that keeps this many letters before it ("dalo" is no call).
_CLITIC_MIN_STEM = 4
# Hindi puts the verb last and makes a call of a noun or a borrowed verb with the polite
# imperative of "do" after it: "न्यूज़लेटर सब्सक्राइब करें", "ऐप डाउनलोड करें" (subscribe,
# download); a call word so followed is a call wherever it stands (a fresh user's "…हमारा
# न्यूज़लेटर सब्सक्राइब करें और ऐप डाउनलोड करें।" stayed between a story's paragraphs). The
# infinitive ("शेयर करने की अपील", the police asked to share) is no imperative.
_IMPERATIVE_AFTER = {"hi": "करें कीजिए करिए करो", "ur": "کریں کیجیے کیجئے"}
# A call word followed by a genitive is a noun, not an imperative: "Share of the mail
# ballots counted later broke heavily in its favor." (a fresh user's election sentence went
# as an appeal: "share" a call, "of" a function word, "mail" furniture); German's imperative
# takes "Sie" ("Teilen Sie …"), its noun a genitive article ("Teilen der Daten …"); Dutch
# "Deel van de werkzaamheden …" (part of the works) is no "Deel" (share) call (fresh-user
# check #17). Not French or Spanish "de": "Suivez de près …" is a call.
_NOUN_BEFORE = {"en": "of", "de": "der des", "nl": "van"}
# A verb-first imperative negated by the word after its pronoun or its object's article is
# a warning, not a call: "Teilen Sie keine Bankdaten per E-Mail.", "Deel geen codes",
# "Dela inte ditt lösenord" (a police warning's tip went as a share call: fresh-user check
# #19). English, French, Spanish, Italian and Portuguese put the negation first ("Don't
# share", "Ne partagez pas", "No compartas", "Non condividere", "Não partilhe"), where no
# call word opens the line.
_NEGATION = {"de": "nicht kein keine keinen keinem keiner keines nie niemals",
             "nl": "niet geen nooit", "sv": "inte aldrig ej", "no": "ikke aldri",
             "da": "ikke aldrig"}
NEGATION_REACH = 2  # words after the call word: "Teilen Sie keine", "Deel geen"
# German calls its reader to act in the polite imperative, the infinitive and "Sie" ("Teilen
# Sie diesen Artikel"); an infinitive without it opens a headline or a sentence ("Teilen statt
# kaufen: Hamburger Leihladen verdoppelt …" had no title, fresh-user check #20). A button's
# one word ("Teilen") is a call still.
_POLITE_IMPERATIVE = {"de": ("en", "sie")}
# Korean ends a sentence with its verb and speaks to the reader in the polite imperative's
# ending: "…뉴스레터로 받아보세요" (receive it by newsletter), "구독하세요", "확인하십시오"; a
# sentence that ends so is a call (blind trial ad's promo stayed between two paragraphs).
_IMPERATIVE_ENDINGS = {"ko": "세요 십시오"}
# German, Dutch and the Scandinavian languages compound: what an appeal asks for may close a
# longer word ("Lokaljournalismus", "Qualitätsjournalismus", "lokaljournalistiek"), and a
# pitch word of PITCH_HEAD_MIN_CHARS+ letters that ends a word is read as said (a fresh
# user's "Guter Lokaljournalismus braucht Ihre Unterstützung. Lesen Sie jetzt alle Artikel
# … für 0,99 Euro im ersten Monat" stayed: no pitch word as written).
_COMPOUNDING = frozenset(("de", "nl", "sv", "no", "da"))
PITCH_HEAD_MIN_CHARS = 8
# Korean writes its case particles onto the word, as the word's last syllables: "여러분의"
# (of you), "후원으로" (with support), "언론을" (the press, object): a class's word is read
# off a word that ends in one (a fresh user's "독자 여러분의 후원으로 … 지켜 주세요" stayed
# between a story's paragraphs: no word was the class's as written). Longest first.
_PARTICLES = {
    "ko": "에서는 으로는 에게서 에서 에게 께서 으로 이나 부터 까지 처럼 보다 "
          "의 을 를 이 가 은 는 로 에 께 와 과 도 만",
    # Hungarian writes its case endings onto the word, a platform's name too: "a Facebookon"
    # (on Facebook: fresh-user check #31's "Ha tetszett a cikk, kövessen minket a Facebookon
    # is!" named no furniture as written)
    "hu": "ban ben ból ből ról ről tól től hoz hez höz nak nek val vel nál nél "
          "ba be ra re on en ön ot et öt at",
}
# Chinese and Japanese write a sentence as one run of characters, so a word of an appeal's
# voice is found inside the run (`Lexicon.bare`): the reader's "you", the publisher's "we",
# what an appeal asks for (a LINE friend, a follow, a subscription, a membership). Read only
# by cleaners/appeal.py, which asks for the "you" and, outside quotes, a short paragraph:
# "掌握家鄉大小事，把南瀛時報加入LINE好友，…第一時間通知你。" stayed between a zh-TW story's
# paragraphs (blind trial z), while its news sentence "民眾可搜尋「台南市場處」加入好友" says
# no "you". (language -> (you, we, asks))
_VOICE_INSIDE = {
    "zh": ("你 您 妳", "我們 我们 本報 本报 本台 本網 本网 小編 小编",
           "好友 訂閱 订阅 電子報 电子报 追蹤 追踪 按讚 點讚 点赞 推播 會員 会员 贊助 赞助 "
           "捐款 粉絲專頁 粉丝 頻道 频道 公眾號 公众号 app"),
    "ja": ("あなた 皆さん 皆様 みなさん", "私たち 弊社 編集部 当社",
           "友だち追加 友達追加 フォロー 購読 会員登録 有料会員 ダウンロード メルマガ ニュースレター"),
}


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The words one document's lines are read with (module docstring)."""

    stopwords: frozenset[str]  # empty: the language has no list (CJK, unknown)
    function_words: frozenset[str]  # the most frequent of them (`language.function_words`)
    web: frozenset[str]
    address: frozenset[str]
    call: frozenset[str]
    publisher: frozenset[str] = frozenset()  # the address words that are "we", "our" (_PUBLISHER)
    pitch: frozenset[str] = frozenset()  # what an appeal asks for: gift, member (_PITCH)
    formal_you: re.Pattern | None = None  # the first language's capital "you" (_FORMAL_YOU)
    reader: frozenset[str] = frozenset()  # the address words that are "you": not `publisher`
    # what an appeal asks for or about: `pitch`, and the web and call words that are not
    # among the language's most frequent words (English "like", "support")
    asks: frozenset[str] = frozenset()
    clitics: tuple[str, ...] = ()  # the first language's object-pronoun suffixes (_CLITICS)
    plain_call: frozenset[str] = frozenset()  # `call` without accents, for `with_clitic`
    refer: frozenset[str] = frozenset()  # a cross-link label's words (_REFER)
    particles: tuple[str, ...] = ()  # the first language's case particles (_PARTICLES)
    inside: tuple[str, ...] = ()  # voice words found inside a run of characters (_VOICE_INSIDE)
    imperative_after: frozenset[str] = frozenset()  # "do" after a call word (_IMPERATIVE_AFTER)
    genitive: frozenset[str] = frozenset()  # after a call word, a noun's (_NOUN_BEFORE)
    negation: frozenset[str] = frozenset()  # after a call word, a warning's (_NEGATION)
    # the first language's infinitive ending and the pronoun its imperative takes
    polite: tuple[str, str] | None = None  # (_POLITE_IMPERATIVE)
    imperative_endings: tuple[str, ...] = ()  # a call's last word's ending (_IMPERATIVE_ENDINGS)
    heads: tuple[str, ...] = ()  # pitch words that close a compound (_COMPOUNDING)
    # the function words the stoplist writes only capitalized: names ("johan", "john")
    proper: frozenset[str] = frozenset()

    def bare(self, words: list[str]) -> list[str]:
        """Lower-cased `words` as the word classes read them: each word, then each word less
        the case particle written onto it (`_PARTICLES`: Korean "여러분의" is also "여러분"),
        the voice words inside a run of unspaced characters (`_VOICE_INSIDE`: "…通知你"
        holds "你"), and the pitch word that closes a compound (`_COMPOUNDING`:
        "lokaljournalismus" says "journalismus"); the words themselves in other languages."""
        if not (self.particles or self.inside or self.heads):
            return words
        found = [stem for word in words if (stem := self._less_particle(word)) is not None]
        found += [w for word in words if UNSPACED_RUN_RE.search(word)
                  for w in self.inside if w in word]
        found += [head for word in words if len(word) > PITCH_HEAD_MIN_CHARS
                  for head in self.heads if len(word) > len(head) and word.endswith(head)]
        return [*words, *found]

    def _less_particle(self, word: str) -> str | None:
        """`word` without the longest of `particles` it ends in, if any is before it."""
        return next((word[:-len(p)] for p in self.particles
                     if word.endswith(p) and len(word) > len(p)), None)

    def with_clitic(self, word: str) -> bool:
        """Is lower-cased `word` a call word with an object pronoun joined to it ("scaricala",
        "descárgala", `_CLITICS`), or a call word listed so with the written accent the
        suffix moved the stress to ("únete", "suscríbete")? Such a form is an imperative
        wherever it stands (the infinitive and the gerund take the suffix too, but are not call
        words; Italian "abbonati", "registrati" are also nouns and participles, and carry no
        accent)."""
        if word in self.call:  # "únete", "suscríbete": the accent the suffix brought says so
            return word != _plain(word) and any(map(word.endswith, self.clitics))
        return any(word.endswith(clitic) and len(word) - len(clitic) >= _CLITIC_MIN_STEM
                   and _plain(word[:-len(clitic)]) in self.plain_call for clitic in self.clitics)

    def opens_call(self, words: Sequence[str]) -> bool:
        """Do lower-cased `words` open with a call word (`call`) that is no noun, no genitive
        after it (`genitive`: "Share of the mail ballots …", "Folgen der Reform …"), and is
        not negated within NEGATION_REACH words (`negation`: "Teilen Sie keine …"), nor an
        infinitive without its imperative's pronoun (`polite`: "Teilen statt kaufen")? The one
        test of a call's first word, for the appeals (`appeal._opens_with_call`) and the
        locator (`locate._says_nothing_to_reader`)."""
        return bool(words) and words[0] in self.call and not (
            len(words) > 1 and (words[1] in self.genitive or self.polite is not None
                                and words[0].endswith(self.polite[0])
                                and words[1] != self.polite[1])) and self.negation.isdisjoint(
            words[1:1 + NEGATION_REACH])

    def says_you(self, own: str, words: Iterable[str]) -> bool:
        """Does a line in its own voice (`own`: outside quotes, `lines.without_quotes`; `words`
        its lower-cased words) speak to the reader: a "you" word, or the formal capital one?"""
        return not self.reader.isdisjoint(words) or bool(
            self.formal_you and self.formal_you.search(own))


@cache
def lexicon_for(languages: tuple[str, ...] = ()) -> Lexicon:
    """The lexicon of a document in `languages` (ISO 639-1 codes, most likely first, as
    `language.detect_languages` gives them): the first one's function words; the word
    classes of all of them and of every language's pages. A language with no list here
    (Chinese, Japanese and Thai, whose tokens are runs of characters a word list cannot
    match; Vietnamese, whose syllables are shared by furniture and prose: "bình luận"
    comment, "kết luận" conclusion) gets English's, whose furniture words stand on pages in
    every language; every language's lists went to it before, and a Vietnamese headline's
    "du lịch" (travel) held the German and Swedish "du" (you), so it was no headline (titles
    right 161 -> 162, wrong 103 -> 102; no dev text changed). No language known: all lists."""
    listed = [SAME_LANGUAGE.get(code, code) for code in languages]
    listed = [code for code in listed if code in _CLASSES] or (
        ["en"] if languages else list(_CLASSES))
    web, address, call, publisher, pitch = set(_ANY_WEB.split()), set(), set(), set(), set()
    for code in listed:
        w, a, c = _CLASSES[code]
        web.update(w.split())
        address.update(a.split())
        call.update(c.split())
        publisher.update(_PUBLISHER.get(code, "").split())
        pitch.update(_PITCH.get(code, "").split())
    first = languages[0] if languages else None
    # the reader's and the publisher's pronouns are function words too, which a list of
    # Wikipedia's most frequent words ranks low ("your", "you"): "Your privacy, your call",
    # a cookie box's heading, named the story half by its "your" (blind trial aw; dev titles
    # that agree with the HTML's 226 -> 228 with the caption credits of `credits.is_caption`)
    frequent = function_words(first) | address
    refer = set(_REFER["en"].split())  # English labels stand on pages in every language
    for code in [SAME_LANGUAGE.get(code, code) for code in languages] or list(_REFER):
        refer.update(_REFER.get(code, "").split())
    clitics = tuple(sorted(_CLITICS.get(first or "", "").split(), key=len, reverse=True))
    you, we, asks = (set(words.split()) for words in _VOICE_INSIDE.get(first or "", ("", "", "")))
    publisher |= we
    pitch |= asks
    return Lexicon(stopwords(first), frequent, frozenset(web),
                   frozenset(address), frozenset(call), frozenset(publisher),
                   frozenset(pitch), _FORMAL_YOU.get(first or ""),
                   frozenset((address - publisher) | you),
                   frozenset(pitch | ((web | call) - frequent)), clitics,
                   frozenset(map(_plain, call)) if clitics else frozenset(),
                   frozenset(refer), tuple(_PARTICLES.get(first or "", "").split()),
                   tuple(you | we | asks),
                   frozenset(_IMPERATIVE_AFTER.get(first or "", "").split()),
                   frozenset(w for code in listed for w in _NOUN_BEFORE.get(code, "").split()),
                   frozenset(w for code in listed for w in _NEGATION.get(code, "").split()),
                   _POLITE_IMPERATIVE.get(SAME_LANGUAGE.get(first or "", first or "")),
                   tuple(_IMPERATIVE_ENDINGS.get(first or "", "").split()),
                   tuple(w for w in pitch if len(w) >= PITCH_HEAD_MIN_CHARS)
                   if SAME_LANGUAGE.get(first or "", first) in _COMPOUNDING else (),
                   proper_words(first))


def _plain(word: str) -> str:
    """`word` without its accents ("descárga" -> "descarga")."""
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))
