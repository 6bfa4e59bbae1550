"""What a media player's box or a promo box prints on an HTML page goes, recorded as the
box's (html_extract._without_boxes); a table whose rows are named after athletes stays."""

from pathlib import Path

from newsclean.cleaners import clean

CASES = Path(__file__).parent / "fixtures" / "field_cases"


def test_a_players_notices_go_on_record_in_any_language():
    result = clean((CASES / "player-notices-pt-html" / "raw.html").read_bytes())
    players = {r.text for r in result.removed if r.rule == "extract.player"}
    assert "Seu navegador não suporta a reprodução deste vídeo." in players
    assert "navegador" not in result.text
    assert "havia pedido um reajuste de 14%" in result.text  # the paragraph over the player


def test_a_newsletter_box_named_only_by_its_test_id_goes():
    """A React page's hashed classes ("css-1g5ez3t"): the box is named by data-testid."""
    result = clean((CASES / "newsletter-box-testid-en-html" / "raw.html").read_bytes())
    promo = {r.text for r in result.removed if r.rule == "extract.promo-box"}
    assert any(t.startswith("Start your day with the stories that matter") for t in promo)
    assert "The union has not balloted its members." in result.text  # the line above it


def test_a_results_table_with_rows_named_after_players_stays():
    rows = "".join(
        f'<tr class="evenrow player-2020-{n}"><td>{n}</td><td>{name}</td><td>{pts}</td></tr>'
        for n, (name, pts) in enumerate([("Kyle Busch", 5040), ("Martin Truex Jr.", 5035),
                                         ("Kevin Harvick", 5033), ("Denny Hamlin", 5027)], 1))
    story = " ".join(["Kyle Busch leads the standings by five points with one race left,"
                      " after a third straight top-five finish on Sunday."] * 3)
    page = (f"<html><head><title>Busch leads the standings</title></head><body><article>"
            f"<h1>Busch leads the standings</h1><p>{story}</p><p>{story}</p>"
            f"<table><tbody>{rows}</tbody></table><p>{story}</p></article></body></html>")
    result = clean(page.encode())
    assert not [r for r in result.removed if r.rule == "extract.player"]
    assert "2 | Martin Truex Jr. | 5035" in result.text


def test_boxes_the_extractor_left_out_are_recorded_as_the_boxes_they_are():
    """A player and a newsletter aside inside the story: whoever left them out, the audit
    says player and promo box, not "outside the article"."""
    page = Path(__file__).parent / "fixtures" / "html_pages" / "player_and_newsletter_in_story.html"
    result = clean(page.read_bytes())
    rules = {r.text: r.rule for r in result.removed}
    assert rules["Watch: Inside the flooded tunnel"] == "extract.player"
    assert rules["Get the Morning Tide newsletter"] == "extract.promo-box"
    assert "Harbor tunnel" in (result.title or "")
    assert "newsletter" not in result.text.lower()


def test_a_paragraph_about_videos_under_a_player_is_the_storys():
    """Blind trial bg's Indonesian obituary: under a video's "Putar 3:05" (play) stood the
    story's paragraph of three sentences on the singer's YouTube channel and videos, which
    went with the player as the line naming where else to watch (`locate._player_boxes`:
    PLAYER_TAIL_MAX_SENTENCES); the player's label and title still go."""
    page = Path(__file__).parent / "fixtures" / "text_pages" / "blind-id-paragraph-under-video-player.txt"
    text = clean(page.read_bytes()).text
    assert ("Di usia senja, Sri Wahyuni justru menemukan panggung baru. Bersama cucunya, ia "
            "membuat kanal YouTube pada 2022") in text
    assert "Putar 3:05" not in text
    assert "Sri Wahyuni menyanyikan Bengawan Solo di teras rumahnya" not in text
