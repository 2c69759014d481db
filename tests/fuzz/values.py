"""The values the fuzz tests send: hostile text, huge numbers, CPR-like numbers, the site's own."""

from functools import cache

from django.apps import apps

from wagtail.models import Page

from hypothesis import strategies as st

from search import service

# --- Values ----------------------------------------------------------------------------------

CHARACTERS = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot be encoded
HUGE = ["9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "1" + "0" * 40, "-1", "0", "-0", "00", "1e309", "NaN",
        "Infinity", "0x10", "1.5", "1,5", " 1", "+1", "١٢٣", "１２３", "²"]  # fmt: skip
NASTY = [
    "", " ", '"', "'", '""', "''", '"a', "a\"", "\x00", "a\x00b", "%00", "\u3000",
    "\u3000\u3000", '"\u3000"', "\\", "\\\"", "%", "%%", "_", "*", "**", "(", ")", "()", "[",
    "]", "{", "}", "^", "~", "-", "+", ":", ";", "|", "&", "#", "?", "=", "NEAR", "AND", "OR",
    "NOT", "a OR b", "NOT a", "a AND NOT b", "NEAR(a b)", "a*", "*a", "^a", "-a", "+a -b",
    "title:a", "{title}: a", "' OR '1'='1", "1; DROP TABLE wagtailcore_page; --",
    "1 UNION SELECT NULL--", "') OR ('1'='1", "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>', "{{ 7*7 }}", "{% debug %}", "${7*7}", "%s%s%n",
    "../../../../etc/passwd", "..%2f..%2f", "\r\nSet-Cookie: x=1", "\ufeff", "\u200b",
    "\u202e", "\U0001f600", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ﬁ", "ß", "ÅÆØ", "İ", "§ 99", "§§ 107–110",
    "SEL § 85", "servicelovens § 81", "§", "§§", "¶", "\t", "\n", "\r", "\x0b", "\x1f", "\x7f",
    "\ufffe", "\uffff", "\U0010ffff", "a" * 201, "ø" * 1000, "§ " * 500, "\"" * 300, "(" * 300,
    *HUGE,
]  # fmt: skip
WORDS = ["opsøgende", "SKP", "støttekontaktperson", "netværksmøde", "KI-plan", "isbryder",
         "misbrug", "psykiatri", "sindslidende", "hjemløs", "koordinationsplan", "samtykke",
         "kontakt", "outreach", "method", "brev", "kvartalsjournal", "§ 99", "M08", "S4.1",
         "SEL-99", "opsøgende arbejde", "Hvordan skaber jeg kontakt?", "tvang"]  # fmt: skip

any_text = st.text(CHARACTERS, max_size=40)
nasty = st.sampled_from(NASTY)
huge_int = st.one_of(st.sampled_from(HUGE), st.integers(-(2**70), 2**70).map(str))
long_text = st.builds(
    lambda piece, n: (piece * n)[:4000],
    st.one_of(st.text(CHARACTERS, min_size=1, max_size=6), st.sampled_from(["a", "ø ", "§"])),
    st.integers(100, 4000),
)
DIGITS = {
    "ascii": "0123456789",
    "fullwidth": "０１２３４５６７８９",
    "arabic": "٠١٢٣٤٥٦٧٨٩",
    "superscript": "⁰¹²³⁴⁵⁶⁷⁸⁹",
}


def _cpr(day, month, year, serial, separator, digits, before, after):
    number = f"{day:02d}{month:02d}{year:02d}{separator}{serial:04d}"
    table = str.maketrans("0123456789", DIGITS[digits])
    return f"{before}{number.translate(table)}{after}"


cpr_text = st.builds(
    _cpr,
    st.integers(1, 31),
    st.integers(1, 12),
    st.integers(0, 99),
    st.integers(0, 9999),
    st.sampled_from(["", "-", " ", "–", "/", ".", "\u00a0", "\u3000", "\u200b", "\u00ad"]),
    st.sampled_from(list(DIGITS)),
    st.sampled_from(["", "cpr ", "CPR-nr. ", "Borger ", "tlf. 12345678 og "]),
    st.sampled_from(["", " ", " om borgeren", "!", "\x00"]),
)


def hostile(*extra):
    return st.one_of(any_text, nasty, huge_int, long_text, cpr_text, st.sampled_from(WORDS), *extra)


raw_query = st.text(st.sampled_from(list("%&=+;#?ab0123456789ABCDEFZ/\\\"' ")), max_size=60).map(
    lambda s: s.replace("#", "%23")
)


def pairs(names_and_values, unknown=True, max_size=8):
    """Lists of (name, value) GET parameters: known names with their values, and unknown ones."""
    options = [st.tuples(st.just(name), values) for name, values in names_and_values.items()]
    if unknown:
        options.append(st.tuples(st.one_of(any_text, nasty), hostile()))
    return st.lists(st.one_of(options), max_size=max_size)


def as_header(value):
    """What a server hands Django: the header's UTF-8 bytes read as Latin-1, without the CR, LF
    and NUL a server refuses in a header."""
    value = value.encode("utf-8").decode("latin-1")
    return value.replace("\r", "").replace("\n", "").replace("\x00", "")


def as_headers(values):
    return {name: as_header(value) for name, value in values.items()}


HEADER_VALUES = st.one_of(nasty, any_text, long_text)
headers = st.one_of(
    st.just({}),
    st.fixed_dictionaries(
        {},
        optional={
            "Accept-Language": st.one_of(
                st.sampled_from(["en", "da", "en-GB,en;q=0.9", "*", "x" * 600, "en;q=abc", ";;;"]),
                HEADER_VALUES,
            ),
            "Accept": st.one_of(
                st.sampled_from(
                    ["application/json", "text/html", "*/*", "application/xml", "text/event-stream"]
                ),
                HEADER_VALUES,
            ),
            "Referer": HEADER_VALUES,
            "User-Agent": HEADER_VALUES,
            "If-None-Match": HEADER_VALUES,
            "If-Modified-Since": st.one_of(
                st.sampled_from(["Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT"]),
                HEADER_VALUES,
            ),
            "Range": st.one_of(
                st.sampled_from(["bytes=0-10", "bytes=-1", "bytes=99999999999-"]), HEADER_VALUES
            ),
            "Cookie": st.one_of(
                st.sampled_from(
                    ["django_language=en", "django_language=xx", "sessionid=x", "csrftoken=\x00"]
                ),
                HEADER_VALUES,
            ),
            "Host": st.sampled_from(
                [
                    "testserver",
                    "localhost:80",
                    "localhost:99999999999999999999",
                    "127.0.0.1:0",
                    "evil.example",
                    "[::1",
                    "localhost:",
                ]
            ),
        },
    ),
).map(as_headers)


# --- The site's own values ---------------------------------------------------------------------


@cache
def vocabulary():
    """{facet: [codes]} for every facet of the search, with the page types."""
    return {name: sorted(service.facet_labels(name, "da")) for name in service.FACETS}


def live(model_path, language=None):
    model = apps.get_model(model_path)
    pages = model.objects.live().public().order_by("path")
    if language:
        pages = pages.filter(locale__language_code=language)
    return list(pages.specific())


@cache
def page_urls():
    return [
        p.url for p in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")
    ]


@cache
def page_ids():
    return list(Page.objects.order_by("pk").values_list("pk", flat=True))


def facet_values(codes):
    return st.one_of(st.sampled_from(codes), st.sampled_from(codes), hostile())


def search_params():
    vocab = vocabulary()
    page = st.one_of(st.integers(-3, 600).map(str), huge_int, nasty)
    lang = st.one_of(st.sampled_from(["da", "en", "DA", "de", "", "en-GB"]), nasty)
    known = {
        "q": hostile(),
        "page": page,
        "lang": lang,
        **{name: facet_values(vocab[name] or ["x"]) for name in service.FACETS},
    }
    return pairs(known, max_size=10)
