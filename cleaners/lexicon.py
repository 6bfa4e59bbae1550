"""Small word classes the line model reads, in the languages of the news it cleans.

These are word *classes*, not phrases: a line is never removed because it holds one of
them; the model weighs how much of a line they make up, beside its length, punctuation and
neighbours (the jusText approach, Pomikálek 2011). Lower-case, as `\\w+` tokenizes them.

- WEB: the words page furniture is made of: share, subscribe, comment, cookie, login,
  advertisement, newsletter, menu, next/previous, follow, download…
- ADDRESS: words that address the reader or speak for the publisher (you, your, we, our,
  us, and their kin; words that also mean "she" or "his", like German "sie" or Spanish
  "su", are left out): appeals ("Want more stories like this? Join our readers…") are
  written to the reader; news is written about third parties and quotes them.
"""

_WEB = """
share shares shared sharing tweet retweet facebook twitter whatsapp pinterest linkedin instagram
telegram reddit tumblr youtube tiktok threads bluesky mastodon flipboard email e mail print
subscribe subscribed subscriber subscribers subscription subscriptions newsletter newsletters
unsubscribe signup login logout log sign password username account register registration
comment comments commenting reply replies cookie cookies privacy policy terms copyright
reserved advertisement advertising advert ads ad sponsored cancel submit permalink rss menu
navigation skip click tap download app apps browser javascript enable enabled website required
fields follow followers like likes tags tagged trending popular related recommended loading
previous next listen podcast podcasts audio video videos watch min mins play playing playback
notifications alerts inbox premium paywall unlock
compartir compartilhe comparte comentario comentarios comentário comentários suscríbete
suscribirse suscripción suscriptor assine assinante inscreva publicidad publicidade responder
registrarse iniciar sesión boletín newsletter noticias relacionadas escuchar siguiente anterior
partager commentaire commentaires abonnez abonner abonné abonnement publicité connexion
répondre inscrivez inscription lire aussi écouter suivant précédent
teilen kommentar kommentare kommentieren abonnieren abonnement anmelden werbung anzeige
antworten datenschutz impressum newsletter weiterlesen mehr zum thema artikel anhören
vorlesen nächste vorherige einloggen registrieren plus
condividi commenta commenti iscriviti abbonati abbonamento pubblicità accedi registrati
leggi anche ascolta successivo precedente
delen reageer reacties abonneer abonnement advertentie inloggen registreer lees ook
dela kommentera kommentarer prenumerera annons logga dela läs också
del kommenter kommentarer abonner annonse reklame logg inn les også læs også
udostępnij komentarz komentarze subskrybuj reklama zaloguj czytaj także
sdílet komentář komentáře předplatné reklama přihlásit čtěte také
paylaş yorum yorumlar abone reklam giriş ilginizi
поделиться комментарий комментарии подписаться подписка реклама войти читайте также
شارك تعليق تعليقات اشترك اشتراك إعلان تسجيل الدخول اقرأ أيضا المزيد
"""

_ADDRESS = """
you your yours yourself yourselves we our ours us ourselves
usted ustedes tu tus te ti vosotros vuestro vuestra nosotros nuestro nuestra nuestros
nuestras
vous votre vos toi ton ta tes nous notre nos
du dein deine deinen dir dich wir unser unsere unseren unserem unserer unseres uns euch
euer
voi vostro vostra vostri tuo tua tuoi noi nostro nostra nostri nostre
você vocês seu sua seus suas teu tua nós nosso nossa nossos nossas
jij je jou jouw u uw wij we ons onze
du dig din ditt dina ni ert era vi oss vår vårt våra jeg
ty ciebie twój twoja wy my nasz nasza nasze
vy váš vaše my náš naše
siz sizin biz bizim
вы вас ваш ваша ваши мы нас наш наша наши
أنت أنتم لك لكم نحن لنا
"""

# Verbs that open a call to action, in the imperative (and the infinitive some languages use
# for it): a line that starts with one speaks to the reader ("Listen to more audio stories
# in our app.", "Abonnieren Sie…"); a news sentence opens with its subject.
_CALL = """
share subscribe sign follow listen watch download click tap join register log support donate
like comment enable allow install upgrade unlock discover explore sponsored
comparte compartir suscríbete suscribirse síguenos sigue escucha descarga regístrate apoya
haz únete inicia
partagez partager abonnez abonnez-vous suivez écoutez téléchargez inscrivez soutenez cliquez
rejoignez découvrez
teilen abonnieren abonnieren folgen folgt hören laden registrieren unterstützen klicken
melden entdecken jetzt
condividi iscriviti abbonati seguici ascolta scarica registrati sostieni clicca scopri
compartilhe assine siga ouça baixe cadastre apoie clique inscreva
deel abonneer volg luister download registreer steun klik
dela prenumerera följ lyssna ladda registrera stöd klicka
del abonner følg lyt lytt last registrer støtt støt klikk klik
udostępnij subskrybuj obserwuj posłuchaj pobierz zarejestruj wesprzyj kliknij
sdílejte předplaťte sledujte poslechněte stáhněte zaregistrujte podpořte klikněte
paylaş abone takip dinle indir kaydol destekle tıkla
поделитесь подпишитесь подписывайтесь слушайте скачайте зарегистрируйтесь поддержите нажмите
شارك اشترك تابعنا تابع استمع حمل سجل ادعم اضغط
"""

WEB: frozenset[str] = frozenset(_WEB.split())
CALL: frozenset[str] = frozenset(_CALL.split())
ADDRESS: frozenset[str] = frozenset(_ADDRESS.split())
