"""HTML page or text dump: decided by how the content opens, the name only breaking ties."""

import pytest

from newsclean.cleaners.detect import detect_format

PROSE = ("So finally you're testing your frontend JavaScript code? Great! The more you write "
         "tests, the more confident you are with your code, but how much precisely? That's "
         "where code coverage might help. ") * 6

CASES = [
    ("<!DOCTYPE html>\n<html><head><title>x</title></head><body><p>Hi</p></body></html>",
     None, "html"),
    ("\ufeff  <?xml version='1.0'?>\n<!-- banner -->\n<html><body><p>Hi</p></body></html>",
     None, "html"),
    ("<p>First paragraph.</p>\n<p>Second paragraph.</p>", None, "html"),  # a CMS fragment
    ("Notice: Undefined index: ref in /var/www/index.php on line 12\n<!DOCTYPE html><html>"
     "<body><p>Hi</p></body></html>", None, "html"),  # a server's notice before the page
    ("<div>one</div> text", "page.html", "html"),  # the name breaks the tie
    # a text dump whose article quotes a whole page as a code sample (readability-dev rd-001)
    (PROSE + "\nHere is the runner:\n<!DOCTYPE html>\n<html>\n<head>\n<title>Tests</title>\n"
     "</head>\n<body>\n<div id=\"mocha\"></div>\n</body>\n</html>\n", "rd-001.txt", "text"),
    ("The <div> element groups content.\nLeave a Reply", None, "text"),
    # text dumps saved under their page's URL (a record's `url`): Korean quotes titles in
    # angle brackets (html-dev sh-9da36ae4714b), and a scraper left a tag far down the dump
    # (sh-51d066b0602c); both came out empty, parsed as HTML
    ("드라마 경쟁\n현재 MBC는 이유리 주연의 <숨바꼭질>로 승부를 보고 있으며 SBS는 <그녀로 말할 "
     "것 같으면>이 종영을 앞두고 있다.", "https://example.kr/news/view.html", "text"),
    (PROSE + "\n<script type=\"text/javascript\" src=\"player.js\"></script>\nMore text.",
     "https://example.com/news/story-565107452.html", "text"),
    ("Council Passes Budget\n\nThe council approved the budget on Tuesday.", None, "text"),
]


@pytest.mark.parametrize(("text", "source", "fmt"), CASES)
def test_format_is_read_from_how_the_document_opens(text, source, fmt):
    assert detect_format(text, source) == fmt


@pytest.mark.parametrize(("text", "is_json"), [
    ('{"title": "Flood plan approved", "text": "The council approved the plan."}', True),
    ('\ufeff[\n {"id": 1, "body": "<p>Hi</p>"},\n {"id": 2, "body": "x"}\n]\n', True),
    ("[Updated] The council approved the flood plan on Tuesday.\nMore text.", False),
    ('{"id": 1}\n{"id": 2}\n', False),  # JSON Lines: a record file, refused by name
    ("{{ template }} is not JSON either", False),
])
def test_a_json_document_is_told_from_a_dump(text, is_json):
    from newsclean.cleaners.detect import is_json_document

    assert is_json_document(text) is is_json


def test_a_json_document_is_rejected_with_a_reason_not_cleaned_into_fragments():
    # a new user's .json export came out "cleaned": its keys and quoted strings as lines
    from newsclean.cleaners import CleanOptions, clean

    doc = ('{"title": "Flood plan approved", "body": "The council approved the flood plan '
           'on Tuesday after three winters of flooding.", "tags": ["local", "weather"]}')
    result = clean(doc.encode())
    assert result.status == "rejected" and result.text == ""
    assert result.reason.startswith("not a page: a JSON document")
    forced = clean(doc.encode(), options=CleanOptions(format_hint="text"))
    assert forced.status != "rejected"  # told it is text, it is read as text
