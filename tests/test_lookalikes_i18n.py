"""News that looks like boilerplate, in ten of the largest news languages after English: each
sentence uses a word the rules and the line model take as a sign of chrome ("Lesen Sie
auch", "abonnés", "publicidad", "commenti", "direitos", "reclame", "Читайте также",
"Zaloguj się", "abone"), yet reports news. The
first rule of the product is never to lose one: no rule names any of them at any position,
and a page dump holding them between menus and a footer keeps every one
(`tests/fixtures/lookalikes/<lang>.txt`, one sentence a line; English: `lookalikes.txt`)."""

from pathlib import Path

import pytest

from newsclean.cleaners import clean, default_rules
from newsclean.cleaners.rules import Where

FIXTURES = Path(__file__).parent / "fixtures" / "lookalikes"

# A page around the sentences, in each language: the site's menu, the headline, the story's
# own paragraphs (the sentences stand between them, one a line) and the footer.
PAGES = {
    "de": dict(
        menu=["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Anmelden"],
        headline="Stadtrat beschließt neuen Haushalt nach langer Debatte",
        body=[
            "Der Stadtrat hat am Dienstagabend nach einer mehrstündigen Debatte den Haushalt "
            "für das kommende Jahr beschlossen, der vor allem mehr Geld für Schulen und den "
            "Nahverkehr vorsieht.",
            "Die Opposition kritisierte, dass die Sanierung der Brücken erneut verschoben "
            "werde, und kündigte an, den Beschluss vom Landesverwaltungsamt prüfen zu lassen.",
            "Der Kämmerer verteidigte die Pläne und verwies auf die gestiegenen Zinsen, die "
            "den Spielraum der Stadt in den nächsten Jahren deutlich einschränken würden.",
        ],
        footer=["Impressum", "Datenschutz", "© 2025 Stadtanzeiger", "Kontakt"],
    ),
    "fr": dict(
        menu=["Accueil", "Politique", "Économie", "Sport", "Culture", "Se connecter"],
        headline="Le conseil municipal adopte le budget après un long débat",
        body=[
            "Le conseil municipal a adopté mardi soir, après plusieurs heures de débat, le "
            "budget de l'année prochaine, qui prévoit surtout davantage de moyens pour les "
            "écoles et les transports.",
            "L'opposition a dénoncé un nouveau report de la rénovation des ponts et annoncé "
            "qu'elle saisirait la préfecture pour faire examiner la délibération.",
            "L'adjoint aux finances a défendu ces choix en invoquant la hausse des taux "
            "d'intérêt, qui réduira nettement les marges de la ville ces prochaines années.",
        ],
        footer=["Mentions légales", "Confidentialité", "© 2025 Le Courrier", "Contact"],
    ),
    "es": dict(
        menu=["Portada", "Política", "Economía", "Deportes", "Cultura", "Iniciar sesión"],
        headline="El pleno aprueba los presupuestos tras un largo debate",
        body=[
            "El pleno del ayuntamiento aprobó el martes por la noche, tras varias horas de "
            "debate, los presupuestos del próximo año, que destinan sobre todo más dinero a "
            "los colegios y al transporte público.",
            "La oposición criticó que la reparación de los puentes vuelva a aplazarse y "
            "anunció que llevará el acuerdo ante la delegación del Gobierno.",
            "El concejal de Hacienda defendió las cuentas y recordó que la subida de los "
            "tipos de interés reducirá el margen de la ciudad en los próximos años.",
        ],
        footer=["Aviso legal", "Privacidad", "© 2025 El Diario", "Contacto"],
    ),
    "it": dict(
        menu=["Home", "Politica", "Economia", "Sport", "Cultura", "Accedi"],
        headline="Il consiglio comunale approva il bilancio dopo un lungo dibattito",
        body=[
            "Il consiglio comunale ha approvato martedì sera, dopo ore di dibattito, il "
            "bilancio del prossimo anno, che prevede soprattutto più fondi per le scuole e "
            "per il trasporto pubblico.",
            "L'opposizione ha criticato il nuovo rinvio della manutenzione dei ponti e ha "
            "annunciato che chiederà alla prefettura di esaminare la delibera.",
            "L'assessore al bilancio ha difeso le scelte ricordando che l'aumento dei tassi "
            "d'interesse ridurrà i margini della città nei prossimi anni.",
        ],
        footer=["Note legali", "Privacy", "© 2025 Il Corriere Locale", "Contatti"],
    ),
    "pt": dict(
        menu=["Início", "Política", "Economia", "Esportes", "Cultura", "Entrar"],
        headline="Câmara aprova orçamento depois de longo debate",
        body=[
            "A câmara municipal aprovou na noite de terça-feira, depois de horas de debate, "
            "o orçamento do próximo ano, que prevê sobretudo mais dinheiro para as escolas "
            "e para o transporte público.",
            "A oposição criticou o novo adiamento da reforma das pontes e anunciou que vai "
            "pedir ao tribunal de contas que examine a votação.",
            "O secretário de finanças defendeu as contas e lembrou que a alta dos juros vai "
            "reduzir a margem da cidade nos próximos anos.",
        ],
        footer=["Termos de uso", "Privacidade", "© 2025 Jornal da Cidade", "Contato"],
    ),
    "nl": dict(
        menu=["Home", "Politiek", "Economie", "Sport", "Cultuur", "Inloggen"],
        headline="Gemeenteraad stemt na lang debat in met begroting",
        body=[
            "De gemeenteraad heeft dinsdagavond na urenlang debat ingestemd met de begroting "
            "voor volgend jaar, die vooral meer geld uittrekt voor scholen en het openbaar "
            "vervoer.",
            "De oppositie bekritiseerde dat het onderhoud van de bruggen opnieuw wordt "
            "uitgesteld en kondigde aan het besluit door de provincie te laten toetsen.",
            "De wethouder van financiën verdedigde de plannen en wees op de gestegen rente, "
            "die de ruimte van de stad de komende jaren sterk zal beperken.",
        ],
        footer=["Colofon", "Privacy", "© 2025 Stadsblad", "Contact"],
    ),
    "ru": dict(
        menu=["Главная", "Политика", "Экономика", "Спорт", "Культура", "Войти"],
        headline="Горсовет утвердил бюджет после долгих дебатов",
        body=[
            "Городской совет во вторник вечером после многочасовых дебатов утвердил бюджет "
            "на следующий год, который предусматривает прежде всего больше денег на школы и "
            "общественный транспорт.",
            "Оппозиция раскритиковала очередной перенос ремонта мостов и заявила, что "
            "попросит прокуратуру проверить решение.",
            "Глава финансового управления защитил планы, сославшись на рост процентных "
            "ставок, который в ближайшие годы заметно сократит возможности города.",
        ],
        footer=["Контакты", "Политика конфиденциальности", "© 2025 Городские вести",
                "Реклама на сайте"],
    ),
    "pl": dict(
        menu=["Strona główna", "Polityka", "Gospodarka", "Sport", "Kultura", "Zaloguj"],
        headline="Rada miasta przyjęła budżet po długiej debacie",
        body=[
            "Rada miasta przyjęła we wtorek wieczorem, po wielogodzinnej debacie, budżet na "
            "przyszły rok, który przewiduje przede wszystkim więcej pieniędzy na szkoły i "
            "komunikację miejską.",
            "Opozycja skrytykowała kolejne przesunięcie remontu mostów i zapowiedziała, że "
            "poprosi wojewodę o zbadanie uchwały.",
            "Skarbnik miasta bronił planów, wskazując na wzrost stóp procentowych, który w "
            "najbliższych latach wyraźnie ograniczy możliwości miasta.",
        ],
        footer=["Kontakt", "Polityka prywatności", "© 2025 Gazeta Miejska", "Regulamin"],
    ),
    "sv": dict(
        menu=["Start", "Politik", "Ekonomi", "Sport", "Kultur", "Logga in"],
        headline="Fullmäktige antog budgeten efter lång debatt",
        body=[
            "Kommunfullmäktige antog på tisdagskvällen efter flera timmars debatt budgeten "
            "för nästa år, som framför allt ger mer pengar till skolorna och "
            "kollektivtrafiken.",
            "Oppositionen kritiserade att renoveringen av broarna än en gång skjuts upp och "
            "meddelade att beslutet ska prövas av länsstyrelsen.",
            "Finansborgarrådet försvarade planerna och pekade på de stigande räntorna, som "
            "kommer att begränsa stadens utrymme kraftigt de närmaste åren.",
        ],
        footer=["Kontakt", "Integritetspolicy", "© 2025 Stadsbladet", "Annonsera"],
    ),
    "tr": dict(
        menu=["Ana Sayfa", "Gündem", "Ekonomi", "Spor", "Kültür", "Giriş Yap"],
        headline="Belediye meclisi uzun tartışmanın ardından bütçeyi kabul etti",
        body=[
            "Belediye meclisi salı akşamı saatler süren tartışmanın ardından, özellikle "
            "okullara ve toplu taşımaya daha fazla kaynak ayıran gelecek yılın bütçesini "
            "kabul etti.",
            "Muhalefet, köprülerin onarımının yeniden ertelenmesini eleştirdi ve kararın "
            "valilik tarafından incelenmesini isteyeceğini açıkladı.",
            "Mali işlerden sorumlu başkan yardımcısı planları savundu ve yükselen faizlerin "
            "önümüzdeki yıllarda kentin hareket alanını ciddi biçimde daraltacağını söyledi.",
        ],
        footer=["İletişim", "Gizlilik Politikası", "© 2025 Kent Gazetesi", "Künye"],
    ),
}


def _sentences(lang: str) -> list[str]:
    text = (FIXTURES / f"{lang}.txt").read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def test_every_language_has_its_sentences_and_a_page():
    assert sorted(p.stem for p in FIXTURES.glob("*.txt")) == sorted(PAGES)
    assert all(len(_sentences(lang)) >= 6 for lang in PAGES)


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_no_rule_names_a_news_sentence_at_any_position(lang):
    rules = default_rules().for_languages((lang,))
    named = {s: [str(w) for w in Where if w is not Where.TAIL_MARKER
                 and rules.match(s, w) is not None] for s in _sentences(lang)}
    assert not {s: w for s, w in named.items() if w}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_page_dump_keeps_every_news_sentence(lang):
    page, sentences = PAGES[lang], _sentences(lang)
    body = [page["body"][0], *sentences[: len(sentences) // 2], page["body"][1],
            *sentences[len(sentences) // 2:], page["body"][2]]
    dump = "\n".join([*page["menu"], page["headline"], *body, *page["footer"]]) + "\n"
    result = clean(dump)
    assert result.stats["language"] == lang
    kept = set(result.text.split("\n\n"))
    assert not [s for s in sentences if s not in kept]
    assert not kept & {*page["menu"], *page["footer"]}  # and the page around them goes
