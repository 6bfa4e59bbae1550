"""Compact function-word lists for the article locator (cleaners/textblock.py).

Why compact: the locator only needs "does this line read like running prose?", i.e. the
share of function words (articles, pronouns, prepositions, auxiliaries, conjunctions).
Long frequency lists (jusText's have 300-5,000 words) also hold content words such as
"news", "home" or "video" that are exactly what menus are made of, so they blur the signal.
Each list holds roughly the 60-130 most frequent function words of its language, lower-case,
as produced by the tokenizer `\\w+` (so elided forms appear split: "l'homme" -> "l", "homme").

Languages without spaces (Chinese, Japanese) or with agglutinated particles (Korean) get no
list; the locator falls back to sentence punctuation and length for them.
"""

from __future__ import annotations

_EN = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours s t ll d re ve m said says
"""

_ES = """
a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e
el ella ellas ellos en entre era eran es esa esas ese eso esos esta estaba estaban estar este
esto estos fue fueron ha hace han hasta hay la las le les lo los más me mi mientras muy nada ni
no nos o otra otras otro otros para pero poco por porque que quien se sea ser si sido sin sobre
son su sus también tanto te tiene tienen todo todos tu un una uno unos y ya yo
"""

_PT = """
a ao aos as até com como da das de dela dele deles depois do dos e ela elas ele eles em entre
era essa esse esta este está estão eu foi foram há isso isto já lhe mais mas me mesmo muito na
nas nem no nos nós num numa o os ou para pela pelas pelo pelos por porque quando que se seja sem
ser seu seus sua suas são também te tem têm um uma umas uns você à às é
"""

_FR = """
à au aux avec c ce cela ces cet cette comme d dans de des du elle elles en est et été être eux il
ils j je l la le les leur leurs lui m ma mais me même mes moi mon n ne nos notre nous on ont ou
où par pas plus pour qu que qui s sa sans se ses si son sont sur ta te tes toi ton tous tout
très tu un une vos votre vous y a était aussi fait cette entre
"""

_DE = """
aber alle als also am an auch auf aus bei bin bis bist da damit dann das dass dein dem den der
des dich die dir doch dort du durch ein eine einem einen einer eines er es etwas für hat hatte
hätte ich ihm ihn ihr ihre im in ist ja jetzt kann kein keine man mein mich mir mit muss nach
nicht noch nun nur ob oder ohne sehr sein seine sich sie sind so über um und uns unser unter vom
von vor war waren was weil wenn werden wie wir wird wurde zu zum zur zwischen
"""

_IT = """
a ad agli ai al alla alle allo anche che chi ci come con cui da dai dal dalla degli dei del della
delle dello di e è ed era gli ha hanno il in io l la le lei li lo loro lui ma mi molto ne negli
nei nel nella non noi o per perché più questa queste questi questo se sei si sono su sua sue sui
sul sulla suo suoi ti tra tu tutti tutto un una uno vi
"""

_NL = """
aan al als bij dan dat de der deze die dit door een en er haar had heb hebben heeft hem het hij
hoe hun ik in is je kan maar me met mij na naar niet nog nu of om onder ons ook op over te tot
uit van veel voor was wat we wel werd wij worden wordt zal ze zich zij zijn zo
"""

_RU = """
а без бы был была были было быть в вам вас весь во вот все всё всего вы да для до его ее её
если есть еще ещё же за и из или им их к как когда кто ли либо меня мне мы на над не него нее
нет ни но ну о об он она они оно от по под при с со так также там то того тоже только том ты у
уже чем что чтобы эта эти это этот я
"""

_UK = """
а але б би був була були було в вже від для до є з за і із її їх й к як який яка які коли ми на
не ні но ну о по при про с та так також те тим то у че чи що щоб ця це цей ці я
"""

_PL = """
a aby ale bo by był była było być co czy dla do gdy go i ich jak jako jego jej jest jeszcze już
ma mi może na nad nie niż o od oraz po pod przez przy się są ta tak takie także te tego tej ten
to tu w we więc z za że żeby
"""

_ID = """
ada adalah akan atau bagi bahwa bisa dalam dan dari dengan di dia ini itu juga ke kami kata
kita mereka oleh pada para saat sebagai sudah tidak untuk yang telah karena lebih tersebut
"""

_TR = """
ama bir biz bu da daha de diye en gibi göre için ile ise kadar ki mi na ne o olan olarak ol
sonra şu ve veya ya çok her hem
"""

_SV = """
att av de den det du där efter eller en ett för från har hon han inte jag kan med men mot man
när och om på sig som till under var vi vid är även
"""

LISTS: dict[str, frozenset[str]] = {
    lang: frozenset(text.split())
    for lang, text in {
        "en": _EN, "es": _ES, "pt": _PT, "fr": _FR, "de": _DE, "it": _IT, "nl": _NL,
        "ru": _RU, "uk": _UK, "pl": _PL, "id": _ID, "tr": _TR, "sv": _SV,
    }.items()
}

# One union set: a menu is short on function words in every language, and prose is rich in
# them in its own; words shared across lists ("a", "de", "la") are function words wherever
# they occur, so the union does not turn menus into prose.
ALL: frozenset[str] = frozenset().union(*LISTS.values())


# Web-furniture vocabulary: words that name the page's machinery rather than the story
# (sharing, accounts, subscriptions, comments, cookies, ads, copyright, navigation). A line
# made mostly of them is a prompt, a button row or a legal notice in any site's template.
# Kept to words that are rare in news prose; ambiguous ones ("more", "read", "news", "home")
# are left out on purpose.
_WEB = """
share shares shared sharing tweet retweet facebook twitter whatsapp pinterest linkedin instagram
telegram reddit tumblr youtube email e mail print subscribe subscribed subscription subscriptions
newsletter newsletters unsubscribe signup login logout log sign password username account
register registration comment comments commenting reply replies cookie cookies privacy
policy terms copyright reserved advertisement advertising advert ads sponsored cancel submit
permalink rss menu navigation skip click tap download app apps browser javascript enable enabled
website required fields follow followers like likes tags tagged trending popular related
recommended loading previous next
compartir compartilhe comparte comentario comentarios comentário comentários suscríbete
suscribirse assine inscreva publicidad publicidade responder registrarse iniciar sesión
partager commentaire commentaires abonnez abonner publicité connexion répondre
teilen kommentar kommentare abonnieren anmelden werbung antworten datenschutz impressum
condividi commento commenti iscriviti pubblicità rispondi accedi
поделиться комментарий комментарии комментариев подписаться реклама войти ответить
"""
WEB: frozenset[str] = frozenset(_WEB.split())
